// Starts an in-process cluster on a free loopback port and runs real clients against it.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCluster, type Cluster, type ClusterOptions } from '../../src/sim/cluster.js';
import { writeKubeconfig } from '../../src/sim/kubeconfig.js';
import type { RunningServer } from '../../src/apiserver/server.js';

export const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';
export const PYTHON = '/usr/bin/python3';

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

export interface TestCluster {
  cluster: Cluster;
  server: RunningServer;
  kubeconfig: string;
  home: string;
  kubectl(args: readonly string[], input?: string): Promise<RunResult>;
  run(command: string, args: readonly string[], input?: string): Promise<RunResult>;
  stop(): Promise<void>;
}

export async function startTestCluster(options: ClusterOptions = {}): Promise<TestCluster> {
  const cluster = await createCluster(options);
  const server = await cluster.listen('127.0.0.1', 0);
  // A private HOME keeps kubectl's discovery cache from leaking between runs.
  const home = mkdtempSync(join(tmpdir(), 'kubesim-e2e-'));
  const kubeconfig = join(home, 'kubeconfig');
  writeKubeconfig(kubeconfig, { server: server.url });
  const env = { ...process.env, HOME: home, KUBECONFIG: kubeconfig };
  const run = (command: string, args: readonly string[], input?: string): Promise<RunResult> =>
    new Promise((resolve) => {
      const child = execFile(command, [...args], { env, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 }, (err, stdout, stderr) => {
        const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : 1) : 0;
        resolve({ stdout: stdout.toString(), stderr: stderr.toString(), code });
      });
      if (input !== undefined) child.stdin?.end(input);
    });
  return {
    cluster,
    server,
    kubeconfig,
    home,
    run,
    kubectl: (args, input) => run(KUBECTL, args, input),
    async stop() {
      await cluster.stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

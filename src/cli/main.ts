#!/usr/bin/env node
// The `kubesim` command: argument parsing only; the cluster itself comes from sim/.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createCluster } from '../sim/cluster.js';
import { writeKubeconfig } from '../sim/kubeconfig.js';
import { intFlag, parseArgs } from './args.js';
import { EXPLAIN_USAGE, explainCommand } from './explain-command.js';
import { FAULT_USAGE, runFaultCommand } from './fault-command.js';

const USAGE = `Usage: kubesim start [--host 127.0.0.1] [--port 6443] [--kubeconfig ./kubeconfig] [--nodes 3] [--seed 1]
                    [--scheduler-config FILE]
       ${EXPLAIN_USAGE}
       ${FAULT_USAGE.replace(/^Usage: /, '')}

Starts a Kubernetes cluster in this process (API server, scheduler, controllers and a
simulated kubelet per virtual node) and writes a kubeconfig for it.
Stop it with Ctrl-C.`;

async function start(flags: Map<string, string>): Promise<void> {
  const host = flags.get('host') ?? '127.0.0.1';
  const port = intFlag(flags, 'port', 6443);
  const kubeconfig = resolve(flags.get('kubeconfig') ?? 'kubeconfig');
  const nodes = intFlag(flags, 'nodes', 3);
  const configFile = flags.get('scheduler-config');
  // Loaded only when asked for: the scheduler's modules otherwise load after the API is up.
  const schedulerConfig = configFile ? (await import('../scheduler/config-file.js')).loadSchedulerConfiguration(readFileSync(configFile, 'utf8'), configFile) : undefined;
  // The API server serves first; the nodes, scheduler and controllers join right after.
  const cluster = await createCluster({ seed: intFlag(flags, 'seed', 1), nodes, schedulerConfig, deferComponents: true });
  const server = await cluster.listen(host, port);
  writeKubeconfig(kubeconfig, { server: server.url });
  process.stdout.write(`kubesim: API server listening at ${server.url}\nkubesim: kubeconfig written to ${kubeconfig}\n  export KUBECONFIG=${kubeconfig}\n`);
  await cluster.startComponents();
  process.stdout.write(`kubesim: ${nodes} node(s) ready\n`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('kubesim: stopping\n');
    cluster.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main(argv: readonly string[]): Promise<void> {
  const { command, flags, positional } = parseArgs(argv);
  switch (command) {
    case 'start':
      return start(flags);
    case 'explain':
      return explainCommand(flags, positional);
    case 'fault':
      process.exitCode = await runFaultCommand(argv.slice(1));
      return;
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`);
      return;
    default:
      process.stderr.write(`kubesim: unknown command "${command}"\n${USAGE}\n`);
      process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`kubesim: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});

// Time from process start to the first /readyz that answers ok, for `kubesim start`.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { figure } from './report.js';

// The `kubesim` command as installed (package.json bin), which runs the bundled CLI.
const CLI = join(import.meta.dirname, '..', 'src', 'cli', 'kubesim.js');

async function once(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-bench-'));
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [CLI, 'start', '--port', '0', '--kubeconfig', join(dir, 'kubeconfig')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening at (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', () => reject(new Error(`kubesim exited early: ${out}`)));
  });
  for (;;) {
    const res = await fetch(`${url}/readyz`).catch(() => undefined);
    if (res?.ok && (await res.text()) === 'ok') break;
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  child.kill('SIGINT');
  await new Promise((r) => child.once('exit', r));
  return ms;
}

/** Removes the code cache the command keeps beside its bundle, so that the next start is a first one. */
function dropCodeCache(): void {
  const dir = join(import.meta.dirname, '..', 'cli');
  for (const file of readdirSync(dir)) if (file.endsWith('.v8-cache')) rmSync(join(dir, file));
}

export async function benchStartup(): Promise<void> {
  // The first start after a build compiles everything and leaves the code cache at its exit.
  dropCodeCache();
  figure('startup: first start after a build (no code cache yet)', await once(), 'ms');
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) runs.push(await once());
  runs.sort((a, b) => a - b);
  figure('startup: process start to /readyz ok (median of 5 later starts)', runs[2], 'ms', '< 300 ms');
}

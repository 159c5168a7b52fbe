// The scenario scripts in ../shared/acceptance, run as they are against `kubesim start`
// (the built command, in its own process), exactly as a user would point them at a cluster.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PYTHON } from './harness.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const ACCEPTANCE = resolve(ROOT, '..', 'shared', 'acceptance');
// The `kubesim` command as installed (package.json bin), which runs the bundled CLI.
const CLI = join(ROOT, 'dist', 'src', 'cli', 'kubesim.js');

let server: ChildProcess;
let home: string;
let kubeconfig: string;

function run(command: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    const child = spawn(command, args, { env: { ...process.env, HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => done({ code: code ?? 1, output }));
  });
}

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: npm test builds it first`);
  if (!existsSync(ACCEPTANCE)) throw new Error(`${ACCEPTANCE} is missing: the scenarios live beside the repository`);
  home = mkdtempSync(join(tmpdir(), 'kubesim-acceptance-'));
  kubeconfig = join(home, 'kubeconfig');
  server = spawn(process.execPath, [CLI, 'start', '--port', '0', '--kubeconfig', kubeconfig], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((ready, fail) => {
    let out = '';
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('node(s) ready')) ready();
    });
    server.once('exit', (code) => fail(new Error(`kubesim start exited with ${code}: ${out}`)));
  });
}, 30_000);

afterAll(async () => {
  server?.kill('SIGINT');
  await new Promise((r) => server?.once('exit', r));
  rmSync(home, { recursive: true, force: true });
});

describe('shared acceptance scenarios against kubesim start', () => {
  it('kubectl-basics.sh passes in full', async () => {
    const r = await run('bash', [join(ACCEPTANCE, 'kubectl-basics.sh'), kubeconfig]);
    expect(r.output).toMatch(/^\d+ passed, 0 failed$/m);
    expect(r.code).toBe(0);
  }, 300_000);

  it('python-client.py passes in full', async () => {
    const r = await run(PYTHON, [join(ACCEPTANCE, 'python-client.py'), kubeconfig]);
    expect(r.output).toMatch(/^\d+ passed, 0 failed$/m);
    expect(r.code).toBe(0);
  }, 300_000);
});

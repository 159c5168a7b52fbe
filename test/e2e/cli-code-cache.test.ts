// The installed `kubesim` command runs the bundled CLI with V8's code cache (src/cli/kubesim.ts).
// Run here on a copy of the build, so that its cache is this test's own.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const DIST = resolve(import.meta.dirname, '..', '..', 'dist');

let root: string;
let launcher: string;
const cacheFiles = () => readdirSync(join(root, 'cli')).filter((f) => f.endsWith('.v8-cache'));

/** `kubesim start` until its nodes are ready, then `kubectl get nodes`, then Ctrl-C. */
async function startUseAndStop(): Promise<{ nodes: string; exitCode: number | null }> {
  const kubeconfig = join(root, 'kubeconfig');
  const child = spawn(process.execPath, [launcher, 'start', '--port', '0', '--kubeconfig', kubeconfig], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((ready, fail) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('node(s) ready')) ready();
    });
    child.once('exit', (code) => fail(new Error(`kubesim start exited with ${code}: ${out}`)));
  });
  const kubectl = spawnSync('/usr/bin/kubectl', ['--kubeconfig', kubeconfig, 'get', 'nodes', '--no-headers'], { encoding: 'utf8' });
  child.kill('SIGINT');
  const exitCode = await new Promise<number | null>((r) => child.once('exit', r));
  return { nodes: kubectl.stdout + kubectl.stderr, exitCode };
}

beforeAll(() => {
  if (!existsSync(join(DIST, 'cli', 'kubesim.cjs'))) throw new Error('dist/cli/kubesim.cjs is missing: npm test builds it first');
  root = mkdtempSync(join(tmpdir(), 'kubesim-cli-'));
  mkdirSync(join(root, 'cli'));
  mkdirSync(join(root, 'src', 'cli'), { recursive: true });
  writeFileSync(join(root, 'package.json'), '{"type":"module"}');
  copyFileSync(join(DIST, 'cli', 'kubesim.cjs'), join(root, 'cli', 'kubesim.cjs'));
  launcher = join(root, 'src', 'cli', 'kubesim.js');
  copyFileSync(join(DIST, 'src', 'cli', 'kubesim.js'), launcher);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('kubesim start through the bundle and its code cache', () => {
  it('serves kubectl on the first start and leaves a code cache behind at exit', async () => {
    expect(cacheFiles()).toEqual([]);
    const { nodes, exitCode } = await startUseAndStop();
    expect(nodes.trim().split('\n')).toHaveLength(3);
    expect(nodes).toMatch(/^node-\d+\s+Ready\s/m);
    expect(exitCode).toBe(0);
    expect(cacheFiles()).toHaveLength(1);
  }, 30_000);

  it('starts as well from the cache, and keeps it as it is', async () => {
    const [file] = cacheFiles();
    const before = statSync(join(root, 'cli', file)).mtimeMs;
    const { nodes, exitCode } = await startUseAndStop();
    expect(nodes).toMatch(/^node-\d+\s+Ready\s/m);
    expect(exitCode).toBe(0);
    expect(statSync(join(root, 'cli', file)).mtimeMs).toBe(before);
  }, 30_000);

  it('starts from a damaged cache as without one, and replaces it', async () => {
    const path = join(root, 'cli', cacheFiles()[0]);
    writeFileSync(path, Buffer.alloc(4096, 7));
    const { nodes, exitCode } = await startUseAndStop();
    expect(nodes).toMatch(/^node-\d+\s+Ready\s/m);
    expect(exitCode).toBe(0);
    expect(readFileSync(path).equals(Buffer.alloc(4096, 7))).toBe(false);
  }, 30_000);

  it('keeps the cache through a rebuild that changes nothing, as npm start rebuilds every time', async () => {
    const [file] = cacheFiles();
    const before = statSync(join(root, 'cli', file)).mtimeMs;
    const bundle = join(root, 'cli', 'kubesim.cjs');
    writeFileSync(bundle, readFileSync(bundle));
    const { exitCode } = await startUseAndStop();
    expect(exitCode).toBe(0);
    expect(cacheFiles()).toEqual([file]);
    expect(statSync(join(root, 'cli', file)).mtimeMs).toBe(before);
  }, 30_000);

  it('makes a new cache for a changed bundle and removes the old one', async () => {
    const [old] = cacheFiles();
    const bundle = join(root, 'cli', 'kubesim.cjs');
    writeFileSync(bundle, `${readFileSync(bundle, 'utf8')}\n// rebuilt\n`);
    const { nodes, exitCode } = await startUseAndStop();
    expect(nodes).toMatch(/^node-\d+\s+Ready\s/m);
    expect(exitCode).toBe(0);
    expect(cacheFiles()).toHaveLength(1);
    expect(cacheFiles()).not.toContain(old);
  }, 30_000);

  it('answers --help without writing a cache of its own', () => {
    rmSync(join(root, 'cli', cacheFiles()[0]));
    const help = spawnSync(process.execPath, [launcher, '--help'], { encoding: 'utf8' });
    expect(help.stdout).toMatch(/^Usage: kubesim start/);
    expect(cacheFiles()).toEqual([]);
  });
});

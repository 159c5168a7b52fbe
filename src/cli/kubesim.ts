#!/usr/bin/env node
// The installed `kubesim` command (package.json bin). It runs the CLI of main.ts from the one
// file `npm run build` bundles it into (dist/cli/kubesim.cjs, see rolldown.config.mjs), and
// keeps V8's compiled code for that file in a cache beside it.
//
// Why: a cold start spent most of its time in Node's module loader (~400 files resolved, read
// and linked one by one) and then in V8 compiling them. The bundle removes the first cost; the
// code cache removes most of the second, as Node 22's module.enableCompileCache() would (this
// project runs on Node 20, which has no such switch for its loaders).
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

const bundle = join(import.meta.dirname, '..', '..', 'cli', 'kubesim.cjs');

/**
 * The cache belongs to one build of the bundle: V8 checks a cache against the source's length
 * only, so the name carries the size and modification time, and a rebuild (which empties
 * dist/cli) never meets an older build's cache.
 */
function cachePath(): string {
  const { size, mtimeMs } = statSync(bundle);
  return `${bundle}.${size}-${Math.trunc(mtimeMs)}.v8-cache`;
}

function readCache(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Written whole under another name and then renamed, so a concurrent start never reads half. */
function writeCache(path: string, data: Buffer): void {
  const partial = `${path}.${process.pid}.partial`;
  try {
    writeFileSync(partial, data);
    renameSync(partial, path);
  } catch {
    // A read-only install only goes without the cache.
  }
}

const cache = cachePath();
const cachedData = readCache(cache);
// The bundle is CommonJS, run as Node runs a CommonJS module, in its usual wrapper.
const source = readFileSync(bundle, 'utf8').replace(/^#!.*/, '');
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData });

// Made when the cache is missing or stale, and only by `kubesim start`: V8 caches the functions
// a run has compiled, so the cache is made at exit, after a start, to hold all a start needs.
if (process.argv[2] === 'start' && (cachedData === undefined || script.cachedDataRejected === true)) {
  process.once('exit', () => writeCache(cache, script.createCachedData()));
}

const module = { exports: {}, filename: bundle, id: bundle };
const run = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
run.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));

#!/usr/bin/env node
// The installed `kubesim` command (package.json bin). It runs the CLI of main.ts from the one
// file `npm run build` bundles it into (dist/cli/kubesim.cjs, see rolldown.config.mjs), and
// keeps V8's compiled code for that file in a cache beside it.
//
// Why: a cold start spent most of its time in Node's module loader (~400 files resolved, read
// and linked one by one) and then in V8 compiling them. The bundle removes the first cost; the
// code cache removes most of the second, as Node 22's module.enableCompileCache() would (this
// project runs on Node 20, which has no such switch for its loaders).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

const bundle = join(import.meta.dirname, '..', '..', 'cli', 'kubesim.cjs');

/**
 * The cache belongs to the bundle's content: V8 checks a cache against the source's length
 * only, so the name carries a hash of the source. `npm start` rebuilds before every start, and
 * a rebuild that changes nothing keeps its cache.
 */
const cachePath = (source: string): string => `${bundle}.${createHash('sha1').update(source).digest('hex').slice(0, 16)}.v8-cache`;

/** Caches of earlier bundles, left behind by rebuilds. */
function removeOtherCaches(keep: string): void {
  const dir = dirname(bundle);
  const prefix = `${basename(bundle)}.`;
  for (const file of readdirSync(dir)) {
    if (file.startsWith(prefix) && file.endsWith('.v8-cache') && join(dir, file) !== keep) rmSync(join(dir, file), { force: true });
  }
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
    removeOtherCaches(path);
  } catch {
    // A read-only install only goes without the cache.
  }
}

// The bundle is CommonJS, run as Node runs a CommonJS module, in its usual wrapper.
const source = readFileSync(bundle, 'utf8').replace(/^#!.*/, '');
const cache = cachePath(source);
const cachedData = readCache(cache);
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData });

// Made when the cache is missing or stale, and only by `kubesim start`: V8 caches the functions
// a run has compiled, so the cache is made at exit, after a start, to hold all a start needs.
if (process.argv[2] === 'start' && (cachedData === undefined || script.cachedDataRejected === true)) {
  process.once('exit', () => writeCache(cache, script.createCachedData()));
}

const module = { exports: {}, filename: bundle, id: bundle };
const run = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
run.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));

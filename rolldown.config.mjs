// Bundles the CLI (src/cli/main.ts, with Fastify and everything it loads) into one CommonJS
// file, dist/cli/kubesim.cjs, which the `kubesim` command (src/cli/kubesim.ts) runs with V8's
// code cache. Node's module loader spent most of a cold start resolving, reading and linking
// ~400 files one by one. CommonJS because only a vm.Script takes a code cache on Node 20.
// Input is tsc's output, so the bundle runs exactly the code the tests run.

// Packages Fastify requires only on paths kubesim never takes (schema compilers, the pino
// logger, inject): left to Node's require, so that their code is not parsed at every start.
const LOADED_ONLY_ON_DEMAND = [
  'ajv',
  'ajv-formats',
  'fast-uri',
  '@fastify/ajv-compiler',
  '@fastify/fast-json-stringify-compiler',
  'fast-json-stringify',
  'json-schema-ref-resolver',
  'light-my-request',
  'pino',
  'thread-stream',
  'sonic-boom',
  'cookie',
  'set-cookie-parser',
];

export default {
  input: 'dist/src/cli/main.js',
  platform: 'node',
  logLevel: 'warn',
  external: LOADED_ONLY_ON_DEMAND,
  output: {
    dir: 'dist/cli',
    format: 'cjs',
    entryFileNames: 'kubesim.cjs',
    // One file: the scheduler, controllers and kubelets main.ts imports later are in it too,
    // so that their code is in the code cache as well.
    codeSplitting: false,
    // Not emptied on a build: the code cache next to the bundle is named by the bundle's
    // content, so a rebuild that changes nothing (npm start rebuilds every time) keeps it.
    cleanDir: false,
  },
};

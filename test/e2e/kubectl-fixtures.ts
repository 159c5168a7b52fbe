// Shared steps for the kubectl end-to-end files: namespaces and manifests sent as JSON.
// `kubectl create namespace` sends protobuf; creating from a manifest keeps a namespace
// usable even where protobuf decoding is the thing under test elsewhere.
import { expect } from 'vitest';
import type { RunResult, TestCluster } from './harness.js';

/** Creates a namespace from a manifest (JSON body) and fails the test if it cannot. */
export async function createNamespace(t: TestCluster, name: string): Promise<void> {
  const r = await t.kubectl(['create', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }));
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe(`namespace/${name} created\n`);
}

/** `kubectl -n ns <args> -f -` with a manifest object on stdin. */
export function withManifest(t: TestCluster, ns: string, args: readonly string[], manifest: unknown): Promise<RunResult> {
  return t.kubectl(['-n', ns, ...args, '-f', '-'], JSON.stringify(manifest));
}

/** Lines of a printed table or list, without the trailing newline. */
export function lines(text: string): string[] {
  return text.replace(/\n$/, '').split('\n');
}

/** A kubectl run that must succeed: returns stdout, fails the test with stderr otherwise. */
export async function ok(t: TestCluster, args: readonly string[], input?: string): Promise<string> {
  const r = await t.kubectl(args, input);
  expect(r.stderr, `kubectl ${args.join(' ')}`).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

/** Runs a long-lived kubectl (watch, wait), gives it `settleMs` to connect, runs `during`, then awaits its end. */
export async function whileRunning(
  t: TestCluster,
  args: readonly string[],
  during: () => Promise<void>,
  settleMs = 1000,
): Promise<RunResult> {
  const running = t.kubectl(args);
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  await during();
  return running;
}

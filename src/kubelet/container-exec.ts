// `kubectl exec`: a command run in a running container's small file system, as an exec probe
// is (sleeps take no time, an unknown program is not found), except that what it writes stays,
// so that `kubectl exec web -- touch /tmp/healthy` is what the next probe sees.
// Kubernetes twin: the CRI ExecSync/Exec the kubelet's streaming server hands a command to.
import { specOf } from './container-lifecycle.js';
import type { ContainerModel, PodModel } from './pod-model.js';
import { withFiles } from './runtime/container-files.js';
import { programOf } from './runtime/shell-parse.js';
import { runShell, STDIN_PATH } from './runtime/shell-run.js';
import { collectEmptyDirs } from './runtime/volumes.js';

export interface ExecOutcome {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** The container, when it runs now (an exec needs a live process to join). */
export function runningContainer(m: PodModel, name: string): ContainerModel | undefined {
  const c = [...m.containers, ...m.inits].find((x) => x.name === name);
  return c && c.step === 'running' && c.run?.startedAt !== undefined && !c.run.exit ? c : undefined;
}

/**
 * Runs `command` in the container; answers the pod model after it (the container's files, and
 * emptyDir contents it shares, as the command left them) and what it printed. Undefined when
 * the container is not running.
 */
export function execInContainer(m: PodModel, name: string, command: readonly string[], stdin?: string): { model: PodModel; outcome: ExecOutcome } | undefined {
  const c = runningContainer(m, name);
  if (!c) return undefined;
  const given = stdin === undefined ? c.files : { ...c.files, [STDIN_PATH]: stdin };
  const { files: after, result: run } = withFiles(given, (fs) => runShell(programOf({ command: [...command] }), { pc: 0, status: 0 }, fs, 'probe'));
  let files = after;
  if (stdin !== undefined) {
    const { [STDIN_PATH]: _input, ...rest } = after;
    files = after === given ? c.files : rest;
  }
  const stderrAt = new Set(run.stderr);
  const text = (err: boolean) => run.lines.filter((_, i) => stderrAt.has(i) === err).map((l) => `${l}\n`).join('');
  const outcome = { stdout: text(false), stderr: text(true), exitCode: run.outcome.kind === 'exit' ? run.outcome.code : run.status };
  if (files === c.files) return { model: m, outcome };
  const changed: ContainerModel = { ...c, files };
  const replace = (list: ContainerModel[]) => list.map((x) => (x === c ? changed : x));
  let model: PodModel = { ...m, containers: replace(m.containers), inits: replace(m.inits) };
  if (m.spec.volumes?.some((v) => v.emptyDir)) {
    const emptyDirs = { ...m.emptyDirs };
    collectEmptyDirs(specOf(model, changed), m.spec, files, emptyDirs);
    model = { ...model, emptyDirs };
  }
  return { model, outcome };
}

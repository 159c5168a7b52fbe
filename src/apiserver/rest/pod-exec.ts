// pods/exec: which container a request means and whether it may run there, and the Status the
// stream ends with. The stream itself is a WebSocket (routes/exec-upgrade.ts); the command runs
// in the kubelet model's container (its small file system), through an ExecSource.
// Kubernetes twin: pkg/registry/core/pod/strategy.go (ExecLocation, streamLocation) and the
// kubelet's remotecommand server (pkg/kubelet/cri/streaming/remotecommand: the v4 status).
import * as errors from '../../api/errors.js';
import type { Pod } from '../../api/types/pod.js';
import type { Frozen } from '../../api/types.js';
import { isTrue } from '../request-info.js';
import type { ServerContext } from './context.js';

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Runs commands in the containers the kubelets' model runs. */
export interface ExecSource {
  /** Whether the container runs now (only then can a command run in it). */
  running(namespace: string, pod: string, container: string): boolean;
  /** Runs `command` in a running container, or answers undefined when it is not running. */
  exec(namespace: string, pod: string, container: string, command: readonly string[], stdin?: string): ExecResult | undefined;
}

/** Without kubelets no container runs. */
export const NO_EXEC: ExecSource = { running: () => false, exec: () => undefined };

export interface ExecRequest {
  namespace: string;
  pod: string;
  container: string;
  command: string[];
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
  tty: boolean;
}


/**
 * Reads and checks an exec request as kube-apiserver does before it reaches the node: the pod
 * exists, the container is one of its own (the only one when unnamed), the pod has a node.
 */
export async function checkExec(ctx: ServerContext, namespace: string, name: string, q: URLSearchParams): Promise<ExecRequest> {
  const found = await ctx.storage.get('pods', { namespace, name });
  if (!found) throw errors.notFound({ group: '', resource: 'pods' }, name);
  const pod = found.object as Frozen<Pod>;
  const command = q.getAll('command');
  const req: ExecRequest = { namespace, pod: name, container: q.get('container') ?? '', command, stdin: isTrue(q.get('stdin')), stdout: isTrue(q.get('stdout')), stderr: isTrue(q.get('stderr')), tty: isTrue(q.get('tty')) };
  const names = [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? []), ...(pod.spec.ephemeralContainers ?? [])].map((c) => c.name);
  if (!req.container) {
    if (pod.spec.containers.length !== 1) {
      throw errors.badRequest(`a container name must be specified for pod ${name}, choose one of: [${pod.spec.containers.map((c) => c.name).join(' ')}]`);
    }
    req.container = pod.spec.containers[0].name;
  }
  if (!names.includes(req.container)) throw errors.badRequest(`container ${req.container} is not valid for pod ${name}`);
  if (!pod.spec.nodeName) throw errors.badRequest(`pod ${name} does not have a host assigned`);
  if (command.length === 0) throw errors.badRequest('you must specify at least 1 command');
  if (!req.stdin && !req.stdout && !req.stderr) throw errors.badRequest('you must specify at least 1 of stdin, stdout, stderr');
  return req;
}

/** The container is not running: what the node answers instead of a stream. */
export const containerNotRunning = (container: string): errors.StatusError => errors.badRequest(`container not found ("${container}")`);

/** checkExec, then the node's own check: the container must be running. */
export async function checkExecRunnable(ctx: ServerContext, namespace: string, name: string, q: URLSearchParams): Promise<ExecRequest> {
  const req = await checkExec(ctx, namespace, name, q);
  if (!ctx.exec.running(namespace, name, req.container)) throw containerNotRunning(req.container);
  return req;
}

/**
 * The Status on the error channel when the command ends: Success, or NonZeroExitCode with the
 * code as the cause kubectl reads its own exit code from.
 */
export function execStatus(req: ExecRequest, exitCode: number): object {
  if (exitCode === 0) return { metadata: {}, status: 'Success' };
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command [${req.command.join(' ')}], exit code ${exitCode}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(exitCode) }] },
  };
}

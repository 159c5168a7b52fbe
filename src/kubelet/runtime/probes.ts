// Probe and lifecycle hook handlers against the model. Kubernetes twin: pkg/kubelet/prober
// (prober.go, worker.go) and pkg/kubelet/lifecycle/handlers.go. The model's servers answer every
// httpGet, tcpSocket and grpc probe unless an annotation says the application is still starting
// (connection refused) or has turned unhealthy; an exec probe runs its command in the
// container's small shell against the container's files, so `cat /tmp/healthy` succeeds while
// the file exists and an unknown command fails.
import type { Frozen } from '../../api/types.js';
import type { ContainerPort, LifecycleHandler, Probe } from '../../api/types/pod.js';
import { programOf } from './shell-parse.js';
import { runShell } from './shell-run.js';

export interface ProbeOutcome {
  ok: boolean;
  /** What a failure says after "Liveness probe failed: ". */
  output: string;
}

export interface ProbeTiming {
  initialDelayMs: number;
  periodMs: number;
  successThreshold: number;
  failureThreshold: number;
}

export function probeTiming(probe: Frozen<Probe>): ProbeTiming {
  return {
    initialDelayMs: (probe.initialDelaySeconds ?? 0) * 1000,
    periodMs: Math.max(1, probe.periodSeconds ?? 10) * 1000,
    successThreshold: Math.max(1, probe.successThreshold ?? 1),
    failureThreshold: Math.max(1, probe.failureThreshold ?? 3),
  };
}

export interface ProbeContext {
  files: Readonly<Record<string, string>>;
  podIP: string;
  ports: readonly Frozen<ContainerPort>[];
  /** Scripted by annotations: the server is not up yet, or answers but is unhealthy. */
  failure?: 'refused' | 'unhealthy';
}

const portOf = (port: number | string, ports: ProbeContext['ports']): string =>
  typeof port === 'number' ? String(port) : String(ports.find((p) => p.name === port)?.containerPort ?? port);

function exec(command: readonly string[] | undefined, files: Map<string, string>): { code: number; output: string; sleptMs: number } {
  if (!command || command.length === 0) return { code: 1, output: 'exec: no command', sleptMs: 0 };
  const run = runShell(programOf({ command: [...command] }), { pc: 0, status: 0 }, files, 'probe');
  const code = run.outcome.kind === 'exit' ? run.outcome.code : run.status;
  return { code, output: run.lines.join('\n'), sleptMs: run.sleptMs };
}

export function runProbe(probe: Frozen<Probe>, ctx: ProbeContext): ProbeOutcome {
  if (probe.exec) {
    const r = exec(probe.exec.command, new Map(Object.entries(ctx.files)));
    return { ok: r.code === 0 && ctx.failure === undefined, output: r.output };
  }
  if (!ctx.failure) return { ok: true, output: '' };
  const refused = ctx.failure === 'refused';
  if (probe.httpGet) {
    const g = probe.httpGet;
    const url = `${(g.scheme ?? 'HTTP').toLowerCase()}://${g.host ?? ctx.podIP}:${portOf(g.port, ctx.ports)}${g.path ?? '/'}`;
    return { ok: false, output: refused ? `Get "${url}": dial tcp ${ctx.podIP}:${portOf(g.port, ctx.ports)}: connect: connection refused` : 'HTTP probe failed with statuscode: 500' };
  }
  if (probe.tcpSocket) return { ok: false, output: `dial tcp ${ctx.podIP}:${portOf(probe.tcpSocket.port, ctx.ports)}: connect: connection refused` };
  if (probe.grpc) {
    const at = `${ctx.podIP}:${probe.grpc.port}`;
    return { ok: false, output: refused ? `timeout: failed to connect service "${at}" within 1s` : `service unhealthy (responded with "NOT_SERVING")` };
  }
  return { ok: true, output: '' };
}

export interface HookOutcome {
  ok: boolean;
  /** How long the handler runs (its sleeps, or sleep.seconds). */
  ms: number;
  /** The error text for FailedPostStartHook / FailedPreStopHook. */
  error: string;
}

/** Runs a postStart or preStop handler; an exec handler changes the container's files. */
export function runHook(handler: Frozen<LifecycleHandler>, files: Map<string, string>, ctx: Omit<ProbeContext, 'files'>): HookOutcome {
  if (handler.sleep) return { ok: true, ms: Math.max(0, handler.sleep.seconds) * 1000, error: '' };
  if (handler.exec) {
    const r = exec(handler.exec.command, files);
    const cmd = (handler.exec.command ?? []).join(' ');
    return { ok: r.code === 0, ms: r.sleptMs, error: `command '${cmd}' exited with ${r.code}: ${r.output}` };
  }
  if (handler.httpGet && ctx.failure === 'refused') {
    const port = portOf(handler.httpGet.port, ctx.ports);
    return { ok: false, ms: 0, error: `Get "http://${handler.httpGet.host ?? ctx.podIP}:${port}${handler.httpGet.path ?? '/'}": dial tcp ${ctx.podIP}:${port}: connect: connection refused` };
  }
  return { ok: true, ms: 0, error: '' };
}

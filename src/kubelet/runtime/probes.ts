// Probe handlers against the model. Kubernetes twin: pkg/kubelet/prober (prober.go, worker.go).
// The model's servers answer every httpGet, tcpSocket and grpc probe; an exec probe runs its
// command in the container's small shell against the container's files, so `cat /tmp/healthy`
// succeeds while the file exists and an unknown command fails.
import type { Frozen } from '../../api/types.js';
import type { Probe } from '../../api/types/pod.js';
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

export function runProbe(probe: Frozen<Probe>, files: Readonly<Record<string, string>>): ProbeOutcome {
  const command = probe.exec?.command;
  if (!probe.exec) return { ok: true, output: '' };
  if (!command || command.length === 0) return { ok: false, output: 'exec: no command' };
  const scratch = new Map(Object.entries(files));
  const run = runShell(programOf({ command: [...command] }), { pc: 0, status: 0 }, scratch, 'probe');
  const code = run.outcome.kind === 'exit' ? run.outcome.code : run.status;
  return { ok: code === 0, output: run.lines.join('\n') };
}

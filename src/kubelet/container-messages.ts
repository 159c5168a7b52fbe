// The texts the kubelet writes into events and container states, in Kubernetes' words.
// Kubernetes twin: pkg/kubelet/events/event.go (reasons), pkg/kubelet/images/image_manager.go,
// pkg/kubelet/kuberuntime/kuberuntime_container.go, pkg/kubelet/prober/prober.go.
import { goDuration } from './go-duration.js';

/** "nginx_default(0b1c...)": how the kubelet names a pod in messages (format.Pod). */
export const podDesc = (name: string, namespace: string, uid: string): string => `${name}_${namespace}(${uid})`;

export const messages = {
  pulling: (image: string) => `Pulling image "${image}"`,
  pulled: (image: string, pullMs: number, totalMs: number, size: number) =>
    `Successfully pulled image "${image}" in ${goDuration(pullMs)} (${goDuration(totalMs)} including waiting). Image size: ${size} bytes.`,
  alreadyPresent: (image: string) => `Container image "${image}" already present on machine`,
  pullFailed: (image: string, error: string) => `Failed to pull image "${image}": ${error}`,
  neverPull: (image: string) => `Container image "${image}" is not present with pull policy of Never`,
  pullBackOff: (image: string) => `Back-off pulling image "${image}"`,
  pullBackOffWaiting: (image: string, error: string) => `Back-off pulling image "${image}": ErrImagePull: ${error}`,
  error: (reason: string) => `Error: ${reason}`,
  created: (container: string) => `Created container: ${container}`,
  started: (container: string) => `Started container ${container}`,
  stopping: (container: string) => `Stopping container ${container}`,
  probeRestart: (container: string, kind: 'liveness' | 'startup') => `Container ${container} failed ${kind} probe, will be restarted`,
  /** handlers.go: `Exec lifecycle hook ([sh -c ...]) for Container "c" in Pod "p_ns(uid)" failed - error: ..., message: ""`. */
  hookFailed: (handler: { exec?: { command?: readonly string[] }; httpGet?: { path?: string } }, container: string, pod: string, error: string) =>
    handler.exec
      ? `Exec lifecycle hook ([${(handler.exec.command ?? []).join(' ')}]) for Container "${container}" in Pod "${pod}" failed - error: ${error}, message: ""`
      : `HTTP lifecycle hook (${handler.httpGet?.path ?? ''}) for Container "${container}" in Pod "${pod}" failed - error: ${error}`,
  failedMount: (message: string) => message,
  crashBackOffEvent: (container: string, pod: string) => `Back-off restarting failed container ${container} in pod ${pod}`,
  crashBackOffWaiting: (delayMs: number, container: string, pod: string) =>
    `back-off ${goDuration(delayMs)} restarting failed container=${container} pod=${pod}`,
  probeFailed: (kind: 'Readiness' | 'Liveness' | 'Startup', output: string) => `${kind} probe failed: ${output}`,
};

export const REASONS = {
  pulling: 'Pulling',
  pulled: 'Pulled',
  failed: 'Failed',
  backOff: 'BackOff',
  created: 'Created',
  started: 'Started',
  killing: 'Killing',
  unhealthy: 'Unhealthy',
  neverPull: 'ErrImageNeverPull',
  failedPostStartHook: 'FailedPostStartHook',
  failedPreStopHook: 'FailedPreStopHook',
  failedMount: 'FailedMount',
} as const;

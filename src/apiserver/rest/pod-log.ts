// pods/log: the text a container printed, as the kubelet model holds it. Kubernetes twin:
// pkg/registry/core/pod/rest/log.go and the container choice in pkg/registry/core/pod/strategy.go.
import * as errors from '../../api/errors.js';
import type { Obj } from '../../api/registry/definition.js';
import type { WatchStream } from '../api-request.js';
import type { ServerContext } from './context.js';

interface PodContainers {
  spec?: { containers?: { name: string }[]; initContainers?: { name: string }[]; ephemeralContainers?: { name: string }[] };
}

export interface LogQuery {
  container?: string;
  previous: boolean;
  tailLines?: number;
  timestamps: boolean;
  /** sinceSeconds or sinceTime, as a time in ms since the epoch. */
  sinceMs?: number;
  follow?: boolean;
}

/** Which container the request means; kube's errors when it cannot tell. */
export function chooseContainer(pod: Obj, requested: string | undefined): string {
  const spec = (pod as unknown as PodContainers).spec ?? {};
  const containers = spec.containers ?? [];
  const all = [...containers, ...(spec.initContainers ?? []), ...(spec.ephemeralContainers ?? [])].map((c) => c.name);
  const name = pod.metadata.name ?? '';
  if (!requested) {
    if (containers.length === 1) return containers[0].name;
    const defaulted = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
    if (defaulted && all.includes(defaulted)) return defaulted;
    throw errors.badRequest(`a container name must be specified for pod ${name}, choose one of: [${containers.map((c) => c.name).join(' ')}]`);
  }
  if (!all.includes(requested)) throw errors.badRequest(`container ${requested} is not valid for pod ${name}`);
  return requested;
}

export function readLog(ctx: ServerContext, pod: Obj, q: LogQuery): string {
  const container = chooseContainer(pod, q.container);
  let text = ctx.logs.read(pod.metadata.namespace ?? '', pod.metadata.name ?? '', container, { previous: q.previous, timestamps: q.timestamps, sinceMs: q.sinceMs }) ?? '';
  if (q.tailLines !== undefined) {
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    text = lines.slice(Math.max(0, lines.length - q.tailLines)).map((l) => `${l}\n`).join('');
  }
  return text;
}

/**
 * `follow=true`: what is there now (after tailLines and since), then each new line as the
 * container prints it; the stream ends when the container stops or the pod goes, as the
 * kubelet's log follower does. Streamed through the transport's watch channel as raw text.
 */
export function followLog(ctx: ServerContext, pod: Obj, q: LogQuery): WatchStream | undefined {
  const source = ctx.logs;
  if (!q.follow || q.previous || !source.follow) return undefined;
  const container = chooseContainer(pod, q.container);
  const ns = pod.metadata.namespace ?? '';
  const name = pod.metadata.name ?? '';
  const format = (l: { at: number; text: string }): string => (source.format ? source.format(l, q.timestamps) : `${l.text}\n`);
  return {
    encode: (e) => Buffer.from(String((e.object as { text?: string }).text ?? '')),
    start(sink) {
      const first = readLog(ctx, pod, q);
      if (first) sink.event({ type: 'ADDED', object: { text: first } });
      let open = true;
      const cancel = source.follow!(ns, name, container, {
        line: (l) => open && sink.event({ type: 'ADDED', object: { text: format(l) } }),
        end: () => {
          if (!open) return;
          open = false;
          sink.close();
        },
      });
      return {
        stop() {
          open = false;
          cancel();
        },
      };
    },
  };
}

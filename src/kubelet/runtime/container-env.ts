// A container's environment as the kubelet makes it, and its command and args expanded from it.
// Kubernetes twin: pkg/kubelet/kubelet_pods.go (makeEnvironmentVariables: envFrom first, then
// env in order, each value expanded from the variables before it) and
// pkg/kubelet/container/helpers.go (ExpandContainerCommandAndArgs).
import type { Frozen, ObjectMeta } from '../../api/types.js';
import type { Container, PodSpec } from '../../api/types/pod.js';
import type { ConfigData } from './config-refs.js';
import { expandVars } from './env-expansion.js';
import { fieldValue } from './volumes.js';

export interface EnvContext {
  spec: Frozen<PodSpec>;
  meta: Frozen<ObjectMeta>;
  podIP?: string;
  hostIP: string;
  /** ConfigMaps and Secrets by "configmap/name" (absent or null: not there). */
  data: ConfigData;
}

function fieldEnv(path: string, ctx: EnvContext): string {
  if (path === 'status.hostIP' || path === 'status.hostIPs') return ctx.hostIP;
  if (path === 'status.podIPs') return ctx.podIP ?? '';
  return fieldValue(path, ctx.meta, ctx.spec, ctx.podIP);
}

/** The variables the container's process sees (those the model can know; resource limits aside). */
export function containerEnv(c: Frozen<Container>, ctx: EnvContext): Map<string, string> {
  const env = new Map<string, string>();
  for (const from of c.envFrom ?? []) {
    const data = from.configMapRef?.name ? ctx.data[`configmap/${from.configMapRef.name}`] : from.secretRef?.name ? ctx.data[`secret/${from.secretRef.name}`] : undefined;
    for (const [k, v] of Object.entries(data ?? {})) env.set(`${from.prefix ?? ''}${k}`, v);
  }
  for (const e of c.env ?? []) {
    const src = e.valueFrom;
    let value: string | undefined;
    if (!src) value = expandVars(e.value ?? '', (name) => env.get(name));
    else if (src.fieldRef) value = fieldEnv(src.fieldRef.fieldPath, ctx);
    else if (src.configMapKeyRef) value = ctx.data[`configmap/${src.configMapKeyRef.name}`]?.[src.configMapKeyRef.key];
    else if (src.secretKeyRef) value = ctx.data[`secret/${src.secretKeyRef.name}`]?.[src.secretKeyRef.key];
    // An optional key that is missing defines nothing.
    if (value !== undefined) env.set(e.name, value);
  }
  return env;
}

/**
 * The command and args after $(VAR) expansion from the environment, or undefined when neither
 * holds a `$` (the common case, which then needs no environment at all).
 */
export function expandedCommand(c: Frozen<Container>, env: () => ReadonlyMap<string, string>): { command?: string[]; args?: string[] } | undefined {
  const hasDollar = (list: readonly string[] | undefined): boolean => list?.some((s) => s.includes('$')) ?? false;
  if (!hasDollar(c.command) && !hasDollar(c.args)) return undefined;
  const vars = env();
  const expand = (list: readonly string[] | undefined): string[] | undefined => list?.map((s) => expandVars(s, (name) => vars.get(name)));
  return { command: expand(c.command), args: expand(c.args) };
}

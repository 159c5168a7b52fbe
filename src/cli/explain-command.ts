// `kubesim explain pod NAME -n NS [--kubeconfig PATH]`: fetches the scheduler's last decision for
// a pod from a running kubesim and prints, node by node, why it was turned away or how each
// score plugin rated it (weighted). No Kubernetes twin; kube-scheduler logs this at -v=10.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseYaml } from '../api/yaml/yaml.js';
import type { DecisionJson, NodeDecisionJson } from '../scheduler/explain.js';

export const EXPLAIN_USAGE = 'kubesim explain pod NAME [-n NAMESPACE] [--kubeconfig PATH]';

interface Target {
  server: string;
  namespace: string;
  token?: string;
}

type Obj = Record<string, unknown>;
const named = (list: unknown, name: unknown): Obj | undefined =>
  (Array.isArray(list) ? (list as Obj[]) : []).find((e) => e?.name === name);

/** The current context's server, namespace and token from a kubeconfig. */
export function readKubeconfig(text: string): Target {
  const cfg = (parseYaml(text) ?? {}) as Obj;
  const context = named(cfg.contexts, cfg['current-context'])?.context as Obj | undefined;
  if (!context) throw new Error(`kubeconfig: context "${String(cfg['current-context'])}" not found`);
  const cluster = named(cfg.clusters, context.cluster)?.cluster as Obj | undefined;
  if (typeof cluster?.server !== 'string') throw new Error(`kubeconfig: cluster "${String(context.cluster)}" has no server`);
  const user = named(cfg.users, context.user)?.user as Obj | undefined;
  return { server: cluster.server, namespace: typeof context.namespace === 'string' ? context.namespace : 'default', token: typeof user?.token === 'string' ? user.token : undefined };
}

/** Left-aligned columns two spaces apart, as kubectl prints. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('   ').trimEnd()).join('\n');
}

function scoreTable(nodes: readonly NodeDecisionJson[]): string {
  const plugins: { name: string; weight: number }[] = [];
  for (const n of nodes) for (const s of n.scores) if (!plugins.some((p) => p.name === s.plugin)) plugins.push({ name: s.plugin, weight: s.weight });
  const sorted = [...nodes].sort((a, b) => (b.total ?? -1) - (a.total ?? -1) || a.node.localeCompare(b.node));
  const rows = sorted.map((n) => [
    n.node,
    n.verdict,
    n.total === undefined ? '-' : String(n.total),
    ...plugins.map((p) => {
      const s = n.scores.find((x) => x.plugin === p.name);
      return s ? `${s.weighted} (${s.normalized})` : '-';
    }),
  ]);
  return table([['NODE', 'VERDICT', 'TOTAL', ...plugins.map((p) => `${p.name} x${p.weight}`)], ...rows]);
}

function rejectedTable(nodes: readonly NodeDecisionJson[]): string {
  const rows = nodes.map((n) => [n.node, n.rejectedBy?.plugin ?? '', n.rejectedBy?.code ?? '', (n.rejectedBy?.reasons ?? []).join(', ')]);
  return table([['NODE', 'FILTER', 'STATUS', 'REASON'], ...rows]);
}

/** The decision as text: a summary, the scored nodes, then the rejected ones. */
export function renderDecision(d: DecisionJson): string {
  const out: string[] = [];
  const who = `${d.pod.namespace}/${d.pod.name}`;
  const by = d.schedulerName ? ` by ${d.schedulerName}` : '';
  const at = d.time ? ` at ${d.time}` : '';
  if (d.result === 'Scheduled') out.push(`Pod ${who}: scheduled to ${d.nodeName}${by}${at}.`);
  else out.push(`Pod ${who}: ${d.result === 'Error' ? 'scheduling error' : 'unschedulable'}${by}${at}:`, `  ${d.message}`);
  for (const p of d.preFilter) {
    if (p.code !== 'Success' && p.code !== 'Skip') out.push(`PreFilter ${p.plugin}: ${p.code}: ${p.reasons.join(', ')}`);
  }
  const looked = d.nodes.length;
  out.push(`${looked} node(s) evaluated from index ${d.startIndex ?? 0}; the search stops after ${d.numFeasibleNodesToFind ?? looked} feasible node(s).`);
  const feasible = d.nodes.filter((n) => n.verdict !== 'Rejected');
  const rejected = d.nodes.filter((n) => n.verdict === 'Rejected');
  if (feasible.length) {
    out.push('', 'Scores (weighted, normalised score in parentheses):', scoreTable(feasible));
    if (feasible.length === 1) out.push('(a single feasible node is chosen without scoring)');
  }
  if (rejected.length) out.push('', 'Rejected by a filter:', rejectedTable(rejected));
  if (d.postFilter) {
    const victims = d.postFilter.victims?.length ? `, victims ${d.postFilter.victims.join(' ')}` : '';
    const nominated = d.postFilter.nominatedNodeName ? `, nominated node ${d.postFilter.nominatedNodeName}` : '';
    out.push('', `PostFilter ${d.postFilter.plugin ?? ''}: ${d.postFilter.code}${nominated}${victims}${d.postFilter.reasons.length ? `: ${d.postFilter.reasons.join(', ')}` : ''}`);
  }
  return `${out.join('\n')}\n`;
}

/** -n NS, -nNS, --namespace NS, --namespace=NS (parseArgs leaves single-dash flags positional). */
function namespaceOf(flags: Map<string, string>, positional: string[]): { namespace?: string; rest: string[] } {
  const rest: string[] = [];
  let namespace = flags.get('namespace');
  for (let i = 0; i < positional.length; i++) {
    const a = positional[i];
    if (a === '-n') namespace = positional[++i];
    else if (a.startsWith('-n')) namespace = a.slice(2).replace(/^=/, '');
    else rest.push(a);
  }
  return { namespace, rest };
}

export async function explainCommand(flags: Map<string, string>, positional: string[]): Promise<void> {
  const { namespace, rest } = namespaceOf(flags, positional);
  const [kind, name] = rest;
  if (!['pod', 'pods', 'po'].includes(kind ?? '') || !name) throw new Error(`usage: ${EXPLAIN_USAGE}`);
  const path = flags.get('kubeconfig') ?? process.env.KUBECONFIG?.split(':')[0] ?? 'kubeconfig';
  const target = readKubeconfig(readFileSync(resolve(path), 'utf8'));
  const ns = namespace ?? target.namespace;
  const url = `${target.server.replace(/\/$/, '')}/kubesim/v1/scheduler/explain/namespaces/${encodeURIComponent(ns)}/pods/${encodeURIComponent(name)}`;
  const res = await fetch(url, { headers: target.token ? { authorization: `Bearer ${target.token}` } : {} });
  const body = (await res.json()) as DecisionJson & { message?: string };
  if (!res.ok) {
    process.stderr.write(`Error from server (${res.status === 404 ? 'NotFound' : res.status}): ${body.message ?? res.statusText}\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(renderDecision(body));
}

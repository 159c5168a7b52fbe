// metrics.k8s.io/v1beta1 answered by the API server: PodMetrics and NodeMetrics computed on read
// from the pods and nodes stored now and what the kubelets' model says each running container
// uses. Only get and list, as metrics-server serves them (no watch, nothing stored).
// Kubernetes twin: sigs.k8s.io/metrics-server pkg/api (pod.go, node.go), which answers from
// the kubelets' last scrape.
import * as errors from '../../api/errors.js';
import { apiVersionOf, type Obj, type ResourceDefinition } from '../../api/registry/definition.js';
import { quantityToString } from '../../api/quantity.js';
import { rfc3339 } from '../../clock/clock.js';
import { valueResponse, type ApiResponse } from '../api-request.js';
import type { ResourceRequest } from '../request-info.js';
import type { ServerContext } from './context.js';
import { parseListQuery } from './options.js';
import { selectionFor } from './selection.js';

/** What one running container uses at a moment. */
export interface ContainerUsage {
  name: string;
  /** CPU in nanocores (1e9 = one core). */
  cpuNanocores: number;
  memoryBytes: number;
}

/** Where usage comes from: the kubelets' model of the containers they run. */
export interface UsageSource {
  /** What a pod's running containers use at `now`, or undefined when the pod has no metrics (not running). */
  podUsage(pod: Obj, now: number): ContainerUsage[] | undefined;
}

/** Without kubelets nothing runs, so nothing has metrics. */
export const NO_USAGE: UsageSource = { podUsage: () => undefined };

/** metrics-server's default --metric-resolution: the window each figure covers. */
const WINDOW = '15s';

// Quantities as metrics-server writes them: CPU in nanocores, memory in bytes, each in its
// canonical form ("250m", "64Mi", "329087452n", "2748180Ki").
const cpuQuantity = (nanocores: number): string => quantityToString({ nanos: BigInt(Math.round(nanocores)), format: 'DecimalSI' });
const memoryQuantity = (bytes: number): string => quantityToString({ nanos: BigInt(Math.round(bytes)) * 1_000_000_000n, format: 'BinarySI' });

type NodeShape = Obj & { status?: { conditions?: { type: string; status: string }[] } };
type PodShape = Obj & { spec?: { nodeName?: string } };

const isReady = (node: NodeShape): boolean => node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

export async function handleMetrics(def: ResourceDefinition, ctx: ServerContext, query: URLSearchParams, r: ResourceRequest): Promise<ApiResponse> {
  const now = ctx.clock.now();
  const stamp = { timestamp: rfc3339(now), window: WINDOW };
  const meta = (o: Obj, namespaced: boolean) => ({
    name: o.metadata.name,
    ...(namespaced ? { namespace: o.metadata.namespace } : {}),
    creationTimestamp: rfc3339(now),
    ...(o.metadata.labels ? { labels: o.metadata.labels } : {}),
  });
  const typeMeta = { kind: def.kind, apiVersion: apiVersionOf(def) };

  const podMetrics = (pod: Obj): object | undefined => {
    const containers = ctx.usage.podUsage(pod, now);
    if (!containers || containers.length === 0) return undefined;
    return {
      ...typeMeta,
      metadata: meta(pod, true),
      ...stamp,
      containers: containers.map((c) => ({ name: c.name, usage: { cpu: cpuQuantity(c.cpuNanocores), memory: memoryQuantity(c.memoryBytes) } })),
    };
  };

  /** A Ready node's usage: the sum over the running pods bound to it. */
  const nodeMetrics = (node: NodeShape, podsOnNode: readonly Obj[]): object | undefined => {
    if (!isReady(node)) return undefined;
    let cpu = 0;
    let memory = 0;
    for (const pod of podsOnNode) {
      for (const c of ctx.usage.podUsage(pod, now) ?? []) {
        cpu += c.cpuNanocores;
        memory += c.memoryBytes;
      }
    }
    return { ...typeMeta, metadata: meta(node, false), ...stamp, usage: { cpu: cpuQuantity(cpu), memory: memoryQuantity(memory) } };
  };

  const podsBound = async (nodeName: string | undefined): Promise<Map<string, Obj[]>> => {
    const all = await ctx.storage.list('pods', nodeName ? { filtered: true, predicate: (o) => (o as PodShape).spec?.nodeName === nodeName } : {});
    const byNode = new Map<string, Obj[]>();
    for (const item of all.items) {
      const node = (item.object as PodShape).spec?.nodeName;
      if (!node) continue;
      let list = byNode.get(node);
      if (!list) byNode.set(node, (list = []));
      list.push(item.object);
    }
    return byNode;
  };

  const notFound = () => errors.notFound({ group: def.group, resource: def.resource }, r.name);
  const answer = (value: object) => valueResponse(200, value, () => JSON.stringify(value));
  const isPods = def.kind === 'PodMetrics';

  if (r.verb === 'get') {
    if (isPods) {
      const pod = await ctx.storage.get('pods', { namespace: r.namespace, name: r.name });
      const m = pod && podMetrics(pod.object);
      if (!m) throw notFound();
      return answer(m);
    }
    const node = await ctx.storage.get('nodes', { namespace: '', name: r.name });
    const m = node && nodeMetrics(node.object as NodeShape, (await podsBound(r.name)).get(r.name) ?? []);
    if (!m) throw notFound();
    return answer(m);
  }

  // list: the pods or nodes the selectors pick, those with metrics.
  const q = parseListQuery(query, false);
  // The selectors are the pods' or nodes' own (metrics carry their labels).
  const source = ctx.registry.lookup('', 'v1', isPods ? 'pods' : 'nodes')!;
  const selection = selectionFor(source, r.namespace, q.labelSelector, q.fieldSelector);
  const listed = await ctx.storage.list(isPods ? 'pods' : 'nodes', selection);
  const items: object[] = [];
  if (isPods) {
    for (const item of listed.items) {
      const m = podMetrics(item.object);
      if (m) items.push(m);
    }
  } else {
    const byNode = await podsBound(undefined);
    for (const item of listed.items) {
      const m = nodeMetrics(item.object as NodeShape, byNode.get(item.object.metadata.name ?? '') ?? []);
      if (m) items.push(m);
    }
  }
  return answer({ kind: `${def.kind}List`, apiVersion: apiVersionOf(def), metadata: {}, items });
}

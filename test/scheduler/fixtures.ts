// Small builders for nodes and pods in scheduler tests.
import type { Node, Taint } from '../../src/api/types/node.js';
import type { Container, Pod, PodSpec } from '../../src/api/types/pod.js';
import { CycleState } from '../../src/scheduler/framework.js';
import { buildSnapshot, type SnapshotInput } from '../../src/scheduler/snapshot.js';

export interface NodeOpts {
  cpu?: string;
  memory?: string;
  pods?: string;
  labels?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
  extra?: Record<string, string>;
  images?: { names: string[]; sizeBytes: number }[];
}

export function node(name: string, o: NodeOpts = {}): Node {
  return {
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...o.labels } },
    spec: { taints: o.taints, unschedulable: o.unschedulable },
    status: {
      allocatable: { cpu: o.cpu ?? '4', memory: o.memory ?? '8Gi', pods: o.pods ?? '110', ...o.extra },
      images: o.images,
    },
  };
}

export interface PodOpts extends Partial<PodSpec> {
  ns?: string;
  labels?: Record<string, string>;
  cpu?: string;
  memory?: string;
  requests?: Record<string, string>;
  node?: string;
  image?: string;
}

export function pod(name: string, o: PodOpts = {}): Pod {
  const { ns, labels, cpu, memory, requests, node: nodeName, image, ...spec } = o;
  const req: Record<string, string> = { ...requests };
  if (cpu) req.cpu = cpu;
  if (memory) req.memory = memory;
  const c: Container = { name: 'c', image: image ?? 'nginx', resources: Object.keys(req).length ? { requests: req } : undefined };
  return {
    metadata: { name, namespace: ns ?? 'default', labels, uid: `uid-${name}` },
    spec: { containers: [c], ...spec, nodeName: nodeName ?? spec.nodeName },
  };
}

export const stateFor = (input: SnapshotInput) => new CycleState(buildSnapshot(input));

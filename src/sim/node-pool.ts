// Describes the virtual nodes of a cluster: a pool gives a count and what every node has;
// each node gets its own name, pod CIDR, address and zone.
import type { Taint } from '../api/types/node.js';
import type { NodeConfig } from '../kubelet/index.js';

export interface NodePool {
  /** Node names are `<namePrefix><n>`, n from 1. */
  namePrefix?: string;
  count: number;
  cpu?: string;
  memory?: string;
  pods?: number;
  labels?: Record<string, string>;
  taints?: Taint[];
  /** Nodes are spread over these zones in turn. */
  zones?: string[];
  region?: string;
  instanceType?: string;
}

export const DEFAULT_POOL: Required<Omit<NodePool, 'count' | 'taints' | 'labels'>> = {
  namePrefix: 'node-',
  cpu: '4',
  memory: '8Gi',
  pods: 110,
  zones: ['zone-a', 'zone-b', 'zone-c'],
  region: 'region-1',
  instanceType: 'kubesim.standard-4',
};

/**
 * The nodes of some pools, numbered across them: node n (from 1) gets pod CIDR 10.244.n.0/24
 * and InternalIP 172.18.<n / 250>.<n % 250 + 2> (the control plane is 172.18.0.2, node-1 .3).
 */
export function nodeConfigs(pools: readonly NodePool[]): NodeConfig[] {
  const out: NodeConfig[] = [];
  let n = 0;
  for (const pool of pools) {
    const p = { ...DEFAULT_POOL, ...pool };
    for (let i = 1; i <= p.count; i++) {
      n++;
      out.push({
        name: `${p.namePrefix}${i}`,
        cpu: p.cpu,
        memory: p.memory,
        pods: p.pods,
        labels: { ...(pool.labels ?? {}) },
        taints: pool.taints ? [...pool.taints] : [],
        zone: p.zones[(i - 1) % p.zones.length],
        region: p.region,
        instanceType: p.instanceType,
        podCIDR: `10.${244 + Math.floor(n / 256)}.${n % 256}.0/24`,
        address: `172.18.${Math.floor(n / 250)}.${(n % 250) + 2}`,
      });
    }
  }
  return out;
}

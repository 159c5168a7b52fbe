// Zones and their health, as the node lifecycle controller sees them: which zone a node is in,
// whether a zone is Normal, partly or fully disrupted, and how fast nodes of a zone may be
// tainted for eviction in each case. Pure.
// Kubernetes twin: pkg/controller/nodelifecycle/node_lifecycle_controller.go (ComputeZoneState,
// handleDisruption, setLimiterInZone, ReducedQPSFunc, HealthyQPSFunc) and GetZoneKey
// (k8s.io/component-helpers/node/topology).
import type { Frozen } from '../../api/types.js';
import type { Node } from '../../api/types/node.js';

export type ZoneState = 'Initial' | 'Normal' | 'PartialDisruption' | 'FullDisruption';

/** kube-controller-manager's eviction flags. */
export interface EvictionRates {
  /** --node-eviction-rate: nodes per second tainted in a healthy zone (0.1). */
  nodeEvictionRate: number;
  /** --secondary-node-eviction-rate: in a partly disrupted zone of a large cluster (0.01). */
  secondaryNodeEvictionRate: number;
  /** --unhealthy-zone-threshold: share of not-ready nodes (at least 3) that makes a zone unhealthy (0.55). */
  unhealthyZoneThreshold: number;
  /** --large-cluster-size-threshold: above this many nodes a zone is large (50). */
  largeClusterSizeThreshold: number;
}

export const DEFAULT_EVICTION_RATES: EvictionRates = {
  nodeEvictionRate: 0.1,
  secondaryNodeEvictionRate: 0.01,
  unhealthyZoneThreshold: 0.55,
  largeClusterSizeThreshold: 50,
};

/**
 * Region and zone from the node's labels (the deprecated failure-domain labels first, as Go),
 * joined by ":\0:" so that a colon inside either cannot make two zones one; "" without both.
 */
export function zoneKeyOf(node: Frozen<Node>): string {
  const labels = node.metadata.labels ?? {};
  const zone = labels['failure-domain.beta.kubernetes.io/zone'] ?? labels['topology.kubernetes.io/zone'] ?? '';
  const region = labels['failure-domain.beta.kubernetes.io/region'] ?? labels['topology.kubernetes.io/region'] ?? '';
  return region === '' && zone === '' ? '' : `${region}:\u0000:${zone}`;
}

/**
 * A zone's state from its nodes' Ready statuses (undefined: no Ready condition, counted not
 * ready). Worked example, threshold 0.55: 10 nodes with 6 not ready -> 0.6 -> partial; 4 of 5
 * not ready -> partial; 2 of 2 not ready -> full (none ready); 2 of 3 not ready -> Normal
 * (fewer than 3 not ready never makes a zone unhealthy).
 */
export function computeZoneState(readyStatuses: readonly (string | undefined)[], threshold: number): ZoneState {
  const ready = readyStatuses.filter((s) => s === 'True').length;
  const notReady = readyStatuses.length - ready;
  if (ready === 0 && notReady > 0) return 'FullDisruption';
  if (notReady > 2 && notReady / (notReady + ready) >= threshold) return 'PartialDisruption';
  return 'Normal';
}

/**
 * Nodes per second the zone's tainter may take: the normal rate when healthy, and also when
 * fully disrupted (while other zones are not: the zone itself is what failed); when partly
 * disrupted, the secondary rate in a large zone and none in a small one.
 */
export function zoneEvictionQps(state: ZoneState, zoneSize: number, rates: EvictionRates): number {
  if (state === 'PartialDisruption') return zoneSize > rates.largeClusterSizeThreshold ? rates.secondaryNodeEvictionRate : 0;
  return rates.nodeEvictionRate;
}

/** What handleDisruption decides from the zones' previous states and their nodes now. */
export interface DisruptionPlan {
  /** The zones' states after this pass (zones without nodes dropped). */
  states: Map<string, ZoneState>;
  /**
   * Every zone fully disrupted and not all were before: suspect the control plane's network
   * rather than the nodes, untaint every node and stop all tainting (master disruption mode).
   */
  enterMasterDisruption: boolean;
  /** Leaving that mode: every node gets a fresh grace period and each zone its rate. */
  exitMasterDisruption: boolean;
  /** Zones whose tainting rate changes, and to what. */
  limiters: [zone: string, qps: number][];
}

export function planDisruption(previous: ReadonlyMap<string, ZoneState>, readyByZone: ReadonlyMap<string, readonly (string | undefined)[]>, rates: EvictionRates): DisruptionPlan {
  const fresh = new Map<string, ZoneState>();
  for (const [zone, statuses] of readyByZone) fresh.set(zone, computeZoneState(statuses, rates.unhealthyZoneThreshold));
  const allAre = [...fresh.values()].every((s) => s === 'FullDisruption');
  // Zones seen before that still have nodes; a new zone starts Initial (never fully disrupted).
  const known = [...readyByZone.keys()].map((zone) => previous.get(zone) ?? 'Initial');
  const allWere = known.every((s) => s === 'FullDisruption');
  const sizeOf = (zone: string): number => readyByZone.get(zone)?.length ?? 0;
  const unchanged = new Map([...readyByZone.keys()].map((zone) => [zone, previous.get(zone) ?? 'Initial'] as const));
  if (allAre && allWere) return { states: unchanged, enterMasterDisruption: false, exitMasterDisruption: false, limiters: [] };
  if (allAre) {
    return { states: fresh, enterMasterDisruption: true, exitMasterDisruption: false, limiters: [...fresh.keys()].map((zone) => [zone, 0]) };
  }
  if (allWere) {
    const limiters = [...fresh].map(([zone, s]): [string, number] => [zone, zoneEvictionQps(s, sizeOf(zone), rates)]);
    return { states: fresh, enterMasterDisruption: false, exitMasterDisruption: true, limiters };
  }
  const limiters: [string, number][] = [];
  for (const [zone, s] of fresh) if (unchanged.get(zone) !== s) limiters.push([zone, zoneEvictionQps(s, sizeOf(zone), rates)]);
  return { states: fresh, enterMasterDisruption: false, exitMasterDisruption: false, limiters };
}

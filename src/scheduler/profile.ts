// Scheduler profiles: the default plugin set of kube-scheduler 1.32 and building a profile from
// a KubeSchedulerConfiguration (v1) object. Kubernetes twins: pkg/scheduler/apis/config/v1/
// default_plugins.go (getDefaultPlugins, mergePlugins), defaults.go (plugin args) and
// framework/runtime/framework.go (expandMultiPointPlugins, getScoreWeights).
import type { Plugin } from './framework.js';
import { newBalancedAllocation, NAME as BALANCED } from './plugins/balanced-allocation.js';
import { defaultBinder, NAME as BINDER } from './plugins/default-binder.js';
import { newDefaultPreemption, NAME as PREEMPTION } from './plugins/default-preemption.js';
import { imageLocality, NAME as IMAGE_LOCALITY } from './plugins/image-locality.js';
import { newInterPodAffinity, NAME as INTER_POD_AFFINITY } from './plugins/inter-pod-affinity.js';
import { newNodeAffinity, NAME as NODE_AFFINITY } from './plugins/node-affinity.js';
import { nodeName, NAME as NODE_NAME } from './plugins/node-name.js';
import { nodePorts, NAME as NODE_PORTS } from './plugins/node-ports.js';
import { newNodeResourcesFit, NAME as FIT } from './plugins/node-resources-fit.js';
import { nodeUnschedulable, NAME as NODE_UNSCHEDULABLE } from './plugins/node-unschedulable.js';
import { newPodTopologySpread, NAME as TOPOLOGY_SPREAD } from './plugins/pod-topology-spread.js';
import { prioritySort, NAME as PRIORITY_SORT } from './plugins/priority-sort.js';
import { schedulingGates, NAME as SCHEDULING_GATES } from './plugins/scheduling-gates.js';
import { taintToleration, NAME as TAINT_TOLERATION } from './plugins/taint-toleration.js';

export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';

export interface ScorePluginEntry {
  readonly plugin: Plugin;
  readonly weight: number;
}

/** A built profile: plugins per extension point, in the order they run. */
export interface Profile {
  readonly schedulerName: string;
  readonly percentageOfNodesToScore?: number;
  readonly preEnqueue: readonly Plugin[];
  readonly queueSort: readonly Plugin[];
  readonly preFilter: readonly Plugin[];
  readonly filter: readonly Plugin[];
  readonly postFilter: readonly Plugin[];
  readonly preScore: readonly Plugin[];
  readonly score: readonly ScorePluginEntry[];
  readonly reserve: readonly Plugin[];
  readonly permit: readonly Plugin[];
  readonly preBind: readonly Plugin[];
  readonly bind: readonly Plugin[];
}

// KubeSchedulerConfiguration (kubescheduler.config.k8s.io/v1), the parts that shape profiles.
export interface PluginRef {
  readonly name: string;
  readonly weight?: number;
}
export interface PluginSet {
  readonly enabled?: readonly PluginRef[];
  readonly disabled?: readonly PluginRef[];
}
export const EXTENSION_POINTS = [
  'preEnqueue', 'queueSort', 'preFilter', 'filter', 'postFilter', 'preScore', 'score', 'reserve', 'permit', 'preBind', 'bind',
] as const;
export type ExtensionPoint = (typeof EXTENSION_POINTS)[number];
export type Plugins = { readonly [K in ExtensionPoint | 'multiPoint']?: PluginSet };
export interface PluginConfig {
  readonly name: string;
  readonly args?: unknown;
}
export interface KubeSchedulerProfile {
  readonly schedulerName?: string;
  readonly percentageOfNodesToScore?: number;
  readonly plugins?: Plugins;
  readonly pluginConfig?: readonly PluginConfig[];
}
export interface KubeSchedulerConfiguration {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly percentageOfNodesToScore?: number;
  readonly profiles?: readonly KubeSchedulerProfile[];
}

/** The v1 default MultiPoint list of 1.32, in order, with the default score weights. */
export const DEFAULT_MULTI_POINT: readonly PluginRef[] = [
  { name: SCHEDULING_GATES },
  { name: PRIORITY_SORT },
  { name: NODE_UNSCHEDULABLE },
  { name: NODE_NAME },
  { name: TAINT_TOLERATION, weight: 3 },
  { name: NODE_AFFINITY, weight: 2 },
  { name: NODE_PORTS },
  { name: FIT, weight: 1 },
  { name: 'VolumeRestrictions' },
  { name: 'NodeVolumeLimits' },
  { name: 'VolumeBinding' },
  { name: 'VolumeZone' },
  { name: TOPOLOGY_SPREAD, weight: 2 },
  { name: INTER_POD_AFFINITY, weight: 2 },
  { name: PREEMPTION },
  { name: BALANCED, weight: 1 },
  { name: IMAGE_LOCALITY, weight: 1 },
  { name: BINDER },
];

/** The default args v1 fills in (SetDefaults_*Args). */
export const DEFAULT_PLUGIN_ARGS: Readonly<Record<string, unknown>> = {
  DefaultPreemption: { minCandidateNodesPercentage: 10, minCandidateNodesAbsolute: 100 },
  InterPodAffinity: { hardPodAffinityWeight: 1, ignorePreferredTermsOfExistingPods: false },
  NodeAffinity: {},
  NodeResourcesBalancedAllocation: { resources: [{ name: 'cpu', weight: 1 }, { name: 'memory', weight: 1 }] },
  NodeResourcesFit: { scoringStrategy: { type: 'LeastAllocated', resources: [{ name: 'cpu', weight: 1 }, { name: 'memory', weight: 1 }] } },
  PodTopologySpread: { defaultingType: 'System' },
};

export type PluginFactory = (args: any) => Plugin; // eslint-disable-line @typescript-eslint/no-explicit-any
const fixed = (p: Plugin): PluginFactory => () => p;
/** Volume plugins: kubesim has no volumes to check yet, so they take part in no extension point. */
const inert = (name: string): PluginFactory => () => ({ name });

export const DEFAULT_REGISTRY: Readonly<Record<string, PluginFactory>> = {
  [SCHEDULING_GATES]: fixed(schedulingGates),
  [PRIORITY_SORT]: fixed(prioritySort),
  [NODE_UNSCHEDULABLE]: fixed(nodeUnschedulable),
  [NODE_NAME]: fixed(nodeName),
  [TAINT_TOLERATION]: fixed(taintToleration),
  [NODE_AFFINITY]: newNodeAffinity,
  [NODE_PORTS]: fixed(nodePorts),
  [FIT]: newNodeResourcesFit,
  VolumeRestrictions: inert('VolumeRestrictions'),
  NodeVolumeLimits: inert('NodeVolumeLimits'),
  VolumeBinding: inert('VolumeBinding'),
  VolumeZone: inert('VolumeZone'),
  [TOPOLOGY_SPREAD]: newPodTopologySpread,
  [INTER_POD_AFFINITY]: newInterPodAffinity,
  [PREEMPTION]: newDefaultPreemption,
  [BALANCED]: newBalancedAllocation,
  [IMAGE_LOCALITY]: fixed(imageLocality),
  [BINDER]: fixed(defaultBinder),
};

/**
 * mergePluginSet: defaults minus the disabled ones ("*" disables all), a re-enabled default keeps
 * its place with the user's settings, other user plugins follow in their order.
 */
export function mergePluginSet(defaults: PluginSet, custom: PluginSet | undefined): { enabled: PluginRef[]; disabled: string[] } {
  const disabled = [...(custom?.disabled ?? []), ...(defaults.disabled ?? [])].map((p) => p.name);
  const customEnabled = custom?.enabled ?? [];
  const replaced = new Set<number>();
  const enabled: PluginRef[] = [];
  if (!disabled.includes('*')) {
    for (const d of defaults.enabled ?? []) {
      if (disabled.includes(d.name)) continue;
      const i = customEnabled.findIndex((c) => c.name === d.name);
      if (i >= 0) replaced.add(i);
      enabled.push(i >= 0 ? customEnabled[i] : d);
    }
  }
  customEnabled.forEach((c, i) => replaced.has(i) || enabled.push(c));
  return { enabled, disabled };
}

const implementsPoint: Record<ExtensionPoint, (p: Plugin) => boolean> = {
  preEnqueue: (p) => !!p.preEnqueue,
  queueSort: (p) => !!p.less,
  preFilter: (p) => !!p.preFilter,
  filter: (p) => !!p.filter,
  postFilter: (p) => !!p.postFilter,
  preScore: (p) => !!p.preScore,
  score: (p) => !!p.score,
  reserve: (p) => !!p.reserve,
  permit: (p) => !!p.permit,
  preBind: (p) => !!p.preBind,
  bind: (p) => !!p.bind,
};

/**
 * expandMultiPointPlugins for one extension point: plugins named at this point that are also in
 * MultiPoint come first (the user re-configured them), then MultiPoint plugins implementing the
 * point and not disabled here, then the rest named at this point.
 */
function expand(point: ExtensionPoint, own: { enabled: PluginRef[]; disabled: string[] }, multi: PluginRef[], get: (n: string) => Plugin): string[] {
  const ownNames = [...new Set(own.enabled.map((p) => p.name))];
  if (own.disabled.includes('*')) return ownNames;
  const overrides = new Set<string>();
  const fromMulti: string[] = [];
  for (const m of multi) {
    if (!implementsPoint[point](get(m.name)) || own.disabled.includes(m.name)) continue;
    if (ownNames.includes(m.name)) overrides.add(m.name);
    else if (fromMulti.includes(m.name)) throw new Error(`plugin "${m.name}" already registered as "${point}"`);
    else fromMulti.push(m.name);
  }
  return [...ownNames.filter((n) => overrides.has(n)), ...fromMulti, ...ownNames.filter((n) => !overrides.has(n))];
}

/** Builds one profile: defaults merged with the user's plugins, args from pluginConfig over the defaults. */
export function buildProfile(
  cfg: KubeSchedulerProfile = {}, globalPercentage?: number, registry: Readonly<Record<string, PluginFactory>> = DEFAULT_REGISTRY,
): Profile {
  const multi = mergePluginSet({ enabled: DEFAULT_MULTI_POINT }, cfg.plugins?.multiPoint);
  const points = Object.fromEntries(EXTENSION_POINTS.map((ep) => [ep, mergePluginSet({}, cfg.plugins?.[ep])])) as Record<ExtensionPoint, ReturnType<typeof mergePluginSet>>;
  const instances = new Map<string, Plugin>();
  const get = (name: string): Plugin => {
    let p = instances.get(name);
    if (!p) {
      const factory = registry[name];
      if (!factory) throw new Error(`plugin "${name}" does not exist`);
      const given = cfg.pluginConfig?.find((c) => c.name === name)?.args;
      p = factory(given ?? DEFAULT_PLUGIN_ARGS[name] ?? {});
      instances.set(name, p);
    }
    return p;
  };
  const list = (ep: ExtensionPoint) => expand(ep, points[ep], multi.enabled, get).map(get).filter(implementsPoint[ep]);
  const weights = new Map<string, number>();
  for (const e of [...points.score.enabled, ...multi.enabled]) if (!weights.has(e.name)) weights.set(e.name, e.weight || 1);
  return {
    schedulerName: cfg.schedulerName ?? DEFAULT_SCHEDULER_NAME,
    percentageOfNodesToScore: cfg.percentageOfNodesToScore ?? globalPercentage,
    preEnqueue: list('preEnqueue'),
    queueSort: list('queueSort'),
    preFilter: list('preFilter'),
    filter: list('filter'),
    postFilter: list('postFilter'),
    preScore: list('preScore'),
    score: list('score').map((plugin) => ({ plugin, weight: weights.get(plugin.name) ?? 1 })),
    reserve: list('reserve'),
    permit: list('permit'),
    preBind: list('preBind'),
    bind: list('bind'),
  };
}

/** One profile per entry (a single default-scheduler profile when there are none). */
export function buildProfiles(config: KubeSchedulerConfiguration = {}, registry = DEFAULT_REGISTRY): Profile[] {
  const profiles = config.profiles?.length ? config.profiles : [{}];
  return profiles.map((p) => buildProfile(p, config.percentageOfNodesToScore, registry));
}

/** The profile kube-scheduler 1.32 runs with no configuration at all. */
export const defaultProfile = (): Profile => buildProfile();

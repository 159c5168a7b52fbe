// The scheduler: a watcher of pending pods and nodes that writes bindings. Each pod popped from
// the queue goes through one pure cycle over a snapshot of the informers' caches; the result
// becomes a binding and a Scheduled event, or a FailedScheduling event and the PodScheduled
// condition. Kubernetes twin: pkg/scheduler/scheduler.go and schedule_one.go.
import { rfc3339, type Clock } from '../clock/clock.js';
import type { Random } from '../clock/random.js';
import type { Namespace } from '../api/types/namespace.js';
import type { Node } from '../api/types/node.js';
import type { Pod } from '../api/types/pod.js';
import type { Frozen } from '../api/types.js';
import { Client, EventRecorder, Informer, NAMESPACES, NODES, PODS, type HasMetadata } from '../client/index.js';
import { scheduleCycle } from './cycle.js';
import type { QueuedPodInfo } from './framework.js';
import { buildProfiles, DEFAULT_SCHEDULER_NAME, type KubeSchedulerConfiguration, type Profile } from './profile.js';
import { SchedulingQueue } from './queue.js';
import type { Decision } from './explain.js';
import { SchedulerCache } from './cache.js';
import { Nominator } from './nominator.js';

export interface SchedulerOptions {
  client: Client;
  clock: Clock;
  random: Random;
  config?: KubeSchedulerConfiguration;
}

export interface RunningScheduler {
  /** The last decision's record for a pod ("namespace/name"), for `kubesim explain`. */
  explain(key: string): Decision | undefined;
  stop(): Promise<void>;
}

/** Decisions kept for explain: the most recent ones (a record holds every node looked at). */
const MAX_DECISIONS = 1000;
const podKey = (p: { metadata: { namespace?: string; name?: string } }): string => `${p.metadata.namespace}/${p.metadata.name}`;
const isPending = (p: Frozen<Pod>): boolean => !p.spec?.nodeName && !p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed';

export async function startScheduler(options: SchedulerOptions): Promise<RunningScheduler> {
  const { client, clock, random } = options;
  const profiles = new Map<string, Profile>(buildProfiles(options.config).map((p) => [p.schedulerName, p]));
  const defaultProfile = profiles.get(DEFAULT_SCHEDULER_NAME) ?? [...profiles.values()][0];
  // Each profile reports as itself: events name the profile's schedulerName as their source.
  const recorders = new Map([...profiles.keys()].map((name) => [name, new EventRecorder(client, clock, { component: name })]));
  const queue = new SchedulingQueue((a, b) => (defaultProfile.queueSort[0]?.less ?? (() => a.timestamp < b.timestamp))(a, b), clock);
  const pods = new Informer<Pod & HasMetadata>(client, PODS as never, { clock });
  const nodes = new Informer<Node & HasMetadata>(client, NODES as never, { clock });
  const namespaces = new Informer<Namespace & HasMetadata>(client, NAMESPACES as never, { clock });
  // Pods bound by us but not yet seen bound in the cache, so that the next cycle counts them.
  const assumed = new Map<string, Frozen<Pod>>();
  // When each decision was made is kept as a number and written out only if someone asks.
  const decisions = new Map<string, Omit<Decision, 'time'> & { readonly at: number }>();
  const ours = (p: Frozen<Pod>): boolean => profiles.has(p.spec?.schedulerName ?? DEFAULT_SCHEDULER_NAME);

  // NodeInfos kept from events; an assumed pod counts where it was sent until the cache sees it bound.
  const cache = new SchedulerCache();
  const place = (p: Frozen<Pod>): void => cache.setPod(podKey(p), (p.spec?.nodeName ? p : assumed.get(podKey(p))) as Pod | undefined);
  // Pending pods of ours nominated to a node (not while assumed: the assumed pod counts there already).
  const nominator = new Nominator();
  const nominate = (p: Frozen<Pod>): void => nominator.set(podKey(p), isPending(p) && ours(p) && !assumed.has(podKey(p)) ? (p as Pod) : undefined);
  let namespaceLabels: Record<string, Readonly<Record<string, string>>> | undefined;

  pods.addEventHandler({
    onAdd: (p) => {
      place(p);
      nominate(p);
      if (isPending(p) && ours(p)) queue.add(p as Pod);
    },
    onUpdate: (_old, p) => {
      if (p.spec?.nodeName) assumed.delete(podKey(p));
      place(p);
      nominate(p);
      if (isPending(p) && ours(p)) queue.add(p as Pod);
      else queue.delete(p as Pod);
    },
    onDelete: (p) => {
      assumed.delete(podKey(p));
      cache.setPod(podKey(p), undefined);
      nominator.set(podKey(p), undefined);
      decisions.delete(podKey(p));
      queue.delete(p as Pod);
      // A pod that goes frees room: parked pods may fit now.
      if (p.spec?.nodeName) queue.moveAllToActiveOrBackoff();
    },
  });
  nodes.addEventHandler({
    onAdd: (n) => (cache.setNode(n as Node), queue.moveAllToActiveOrBackoff()),
    onUpdate: (_old, n) => (cache.setNode(n as Node), queue.moveAllToActiveOrBackoff()),
    onDelete: (n) => cache.removeNode(n.metadata.name!),
  });
  namespaces.addEventHandler({
    onAdd: () => (namespaceLabels = undefined),
    onUpdate: () => (namespaceLabels = undefined),
    onDelete: () => (namespaceLabels = undefined),
  });
  for (const i of [pods, nodes, namespaces]) i.start();
  await Promise.all([pods.waitForSync(), nodes.waitForSync(), namespaces.waitForSync()]);

  let startIndex = 0;
  let running = true;

  const snapshot = () => {
    if (!namespaceLabels) {
      namespaceLabels = {};
      for (const ns of namespaces.list()) namespaceLabels[ns.metadata.name!] = ns.metadata.labels ?? {};
    }
    return cache.snapshot({ namespaceLabels, nominatedPods: nominator.list() });
  };

  async function markUnschedulable(pod: Frozen<Pod>, message: string): Promise<void> {
    const condition = { type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: rfc3339(clock.now()), reason: 'Unschedulable', message };
    try {
      await client.patch(PODS, pod.metadata.namespace!, pod.metadata.name!, 'strategic', { status: { conditions: [condition] } }, { subresource: 'status' });
    } catch {
      // the pod went away meanwhile: nothing to tell
    }
  }

  async function scheduleOne(info: QueuedPodInfo): Promise<void> {
    const pod = pods.get(podKey(info.pod));
    if (!pod || !isPending(pod)) return;
    const profile = profiles.get(pod.spec?.schedulerName ?? DEFAULT_SCHEDULER_NAME);
    if (!profile) return;
    const recorder = recorders.get(profile.schedulerName)!;
    const outcome = scheduleCycle({ profile, snapshot: snapshot(), pod: pod as Pod, startIndex, tieBreak: random.next(), postFilterRandom: random.next() });
    startIndex = outcome.nextStartIndex;
    decisions.delete(podKey(pod));
    if (decisions.size >= MAX_DECISIONS) decisions.delete(decisions.keys().next().value!);
    decisions.set(podKey(pod), { outcome: outcome.result, record: outcome.record, at: clock.now(), schedulerName: profile.schedulerName });
    const result = outcome.result;
    const requeue = { ...info, pod: pod as Pod };
    if (result.kind === 'scheduled') {
      assumed.set(podKey(pod), { ...pod, spec: { ...pod.spec, nodeName: result.nodeName } } as Frozen<Pod>);
      place(pod);
      nominate(pod);
      try {
        await client.createSubresource(PODS, pod.metadata.namespace!, pod.metadata.name!, 'binding', {
          apiVersion: 'v1',
          kind: 'Binding',
          metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid },
          target: { apiVersion: 'v1', kind: 'Node', name: result.nodeName },
        });
        await recorder.event(pod, 'Normal', 'Scheduled', `Successfully assigned ${podKey(pod)} to ${result.nodeName}`);
      } catch (e) {
        assumed.delete(podKey(pod));
        place(pods.get(podKey(pod)) ?? pod);
        nominate(pods.get(podKey(pod)) ?? pod);
        await recorder.event(pod, 'Warning', 'FailedScheduling', `Binding rejected: ${e instanceof Error ? e.message : String(e)}`);
        queue.addBackoff(requeue);
      }
      return;
    }
    const message = result.kind === 'unschedulable' ? result.fitError.message : result.message;
    if (result.kind === 'unschedulable' && result.postFilter?.nominatedNodeName) await preempt(pod, result.postFilter.nominatedNodeName, result.postFilter.victims ?? [], recorder);
    await recorder.event(pod, 'Warning', 'FailedScheduling', message);
    await markUnschedulable(pod, message);
    if (result.kind === 'unschedulable') queue.addUnschedulable(requeue);
    else queue.addBackoff(requeue);
  }

  /** Nominates the node and evicts the victims, as DefaultPreemption's PostFilter decided. */
  async function preempt(pod: Frozen<Pod>, node: string, victims: readonly Pod[], recorder: EventRecorder): Promise<void> {
    try {
      await client.patch(PODS, pod.metadata.namespace!, pod.metadata.name!, 'merge', { status: { nominatedNodeName: node } }, { subresource: 'status' });
    } catch {
      return;
    }
    // Counted from now on, before the informer brings the patched pod (the nominator's override).
    nominate({ ...pod, status: { ...pod.status, nominatedNodeName: node } } as Frozen<Pod>);
    for (const v of victims) {
      await recorder.event(v as Frozen<Pod>, 'Normal', 'Preempted', `Preempted by pod ${pod.metadata.uid} on node ${node}`);
      await client.delete(PODS, v.metadata.namespace!, v.metadata.name!).catch(() => undefined);
    }
  }

  const loop = (async () => {
    while (running) {
      const info = await queue.pop();
      if (!info || !running) break;
      try {
        await scheduleOne(info);
      } catch (e) {
        console.error('kubesim scheduler:', e);
        queue.addBackoff(info);
      }
    }
  })();

  return {
    explain: (key) => {
      const d = decisions.get(key);
      return d && { outcome: d.outcome, record: d.record, time: rfc3339(d.at), schedulerName: d.schedulerName };
    },
    async stop() {
      running = false;
      queue.close();
      for (const i of [pods, nodes, namespaces]) i.stop();
      await loop;
    },
  };
}

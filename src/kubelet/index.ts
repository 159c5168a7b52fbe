// The simulated kubelet: what sim wiring and tests import.
//
// Wiring (src/sim/cluster.ts):
//   const logs = new PodLogStore();                       // before the ApiServer
//   new ApiServer({ ..., logs });                          // pods/log reads it (LogSource)
//   const agent = startNodeAgent({
//     client: new Client(new InProcessTransport(apiServer)),
//     clock, random: random.fork(), logs,
//     node: { name: 'kind-worker', cpu: '4', memory: '8Gi', pods: 110, zone, region,
//             podCIDR: '10.244.1.0/24', address: '172.18.0.3', labels, taints },
//     profile: { ... },                                   // optional timing overrides
//   });
//   await agent.ready;  ...  agent.stopKubelet() / agent.restart() / agent.stop()
export { startNodeAgent, type NodeAgent, type NodeAgentOptions } from './node-agent.js';
export type { NodeConfig } from './node-object.js';
export { KUBELET_VERSION, CONTAINER_RUNTIME_VERSION } from './node-object.js';
export { DEFAULT_PROFILE, withProfile, type KubeletProfile, type ImagePullTiming } from './profile.js';
export { PodLogStore, type LogLine } from './runtime/pod-log-store.js';
export type { RegistryOptions } from './runtime/image-service.js';
export { stepPod } from './pod-worker.js';
export { newPodModel, type PodModel, type PodEvent, type PodEffect } from './pod-model.js';
export { NODE_LEASE_NAMESPACE } from './node-lease.js';
export { PodDispatcher, ownPodSource, type NodePodSource, type PodHandlers } from './pod-dispatcher.js';
export { ANNOTATIONS } from './runtime/annotations.js';

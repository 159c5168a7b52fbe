// Pods and Services for the endpoints and endpointslice tests; pod status set as a kubelet would.
import type { Pod } from '../../src/api/types/pod.js';
import type { Service } from '../../src/api/types/service.js';
import type { Frozen } from '../../src/api/types.js';
import { rfc3339 } from '../../src/clock/clock.js';
import type { Client } from '../../src/client/client.js';
import { PODS, SERVICES } from '../../src/client/resources.js';

export async function createPod(client: Client, ns: string, name: string, options: { labels?: Record<string, string>; ports?: { name: string; containerPort: number }[]; nodeName?: string } = {}) {
  return client.create(PODS, {
    metadata: { namespace: ns, name, labels: options.labels ?? { app: 'web' } },
    spec: { nodeName: options.nodeName, containers: [{ name: 'c', image: 'nginx', ports: options.ports ?? [{ name: 'http', containerPort: 8080 }] }] },
  } as Pod);
}

/** Sets the pod's IP and Ready condition through the status subresource, at `now`. */
export async function setPodStatus(client: Client, ns: string, name: string, ip: string | undefined, ready: boolean, now: number): Promise<Frozen<Pod>> {
  const pod = await client.get(PODS, ns, name);
  const status = {
    ...pod.status,
    phase: 'Running',
    ...(ip ? { podIP: ip, podIPs: [{ ip }] } : {}),
    conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: rfc3339(now) }],
  };
  return client.updateStatus(PODS, { ...pod, status } as Frozen<Pod>);
}

export async function createService(client: Client, ns: string, name: string, spec: Service['spec']) {
  return client.create(SERVICES, { metadata: { namespace: ns, name, labels: { team: 'a' } }, spec } as Service);
}

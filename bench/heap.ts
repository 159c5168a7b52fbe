// Heap per stored pod at 100,000 pods, serialisation caches included, against the pod's JSON size.
import { createCluster } from '../src/sim/cluster.js';
import { benchPod } from './fixtures.js';
import { figure } from './report.js';

const PODS = 100_000;

/** The JavaScript heap plus the Buffers outside it (where stored objects keep their JSON bytes). */
function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

export async function benchHeap(): Promise<void> {
  const cluster = await createCluster();
  const api = cluster.apiServer;
  await api.handle({ method: 'POST', path: '/api/v1/namespaces', query: new URLSearchParams(), headers: {}, body: Buffer.from('{"metadata":{"name":"heap"}}') });
  const before = heapAfterGc();
  let jsonBytes = 0;
  for (let i = 0; i < PODS; i++) {
    const res = await api.handle({
      method: 'POST',
      path: '/api/v1/namespaces/heap/pods',
      query: new URLSearchParams(),
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(JSON.stringify(benchPod(`pod-${i}`, 'heap'))),
    });
    if (res.status !== 201) throw new Error(`create failed: ${String(res.body)}`);
    jsonBytes += Buffer.byteLength(String(res.body));
  }
  // Each stored version keeps its JSON from the moment it is written (StoredObject), so the
  // figure includes the serialisation cache that GET, LIST and watches share.
  const after = heapAfterGc();
  const perPod = (after - before) / PODS;
  const jsonPerPod = jsonBytes / PODS;
  figure('heap: bytes per stored pod at 100,000 pods (heap + buffers)', perPod, 'B');
  figure("heap: the pod's JSON size", jsonPerPod, 'B');
  figure('heap: ratio to the JSON size', perPod / jsonPerPod, 'x', '<= 3');
  await cluster.stop();
}

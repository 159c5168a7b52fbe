// /kubesim/v1/faults: inject node faults into a running kubesim (not a Kubernetes API).
//   GET  /kubesim/v1/faults                          -> {"nodes":[{"node":"node-1","kubelet":"running"}]}
//   POST /kubesim/v1/faults/nodes/NODE/ACTION         -> {"node":"node-1","kubelet":"stopped"}
// ACTION is stop-kubelet, partition, heal or restart-kubelet. The API server knows nothing of
// kubelets; sim/ hands in the provider (sim/faults.ts Faults fits it).
import type { FastifyInstance } from 'fastify';
import * as errors from '../../api/errors.js';

export interface FaultProvider {
  list(): unknown[];
  apply(node: string, action: string): Promise<{ ok: true; state: unknown } | { ok: false; reason: 'NotFound' | 'BadRequest'; message: string }>;
}

export const FAULTS_PREFIX = '/kubesim/v1/faults';

export async function faultRoutes(app: FastifyInstance, opts: { faults: () => FaultProvider | undefined }): Promise<void> {
  const unavailable = () => {
    const status = errors.badRequest('this kubesim has no nodes: start it with --nodes N').status;
    return JSON.stringify(status);
  };
  app.get(FAULTS_PREFIX, async (_req, reply) => {
    const faults = opts.faults();
    reply.header('content-type', 'application/json');
    if (!faults) return reply.code(400).send(unavailable());
    return reply.code(200).send(JSON.stringify({ nodes: faults.list() }));
  });
  app.post(`${FAULTS_PREFIX}/nodes/:node/:action`, async (req, reply) => {
    const { node, action } = req.params as { node: string; action: string };
    const faults = opts.faults();
    reply.header('content-type', 'application/json');
    if (!faults) return reply.code(400).send(unavailable());
    const result = await faults.apply(node, action);
    if (result.ok) return reply.code(200).send(JSON.stringify(result.state));
    const status = result.reason === 'NotFound' ? errors.notFound({ group: '', resource: 'nodes' }, node).status : errors.badRequest(result.message).status;
    status.message = result.message;
    return reply.code(status.code ?? 400).send(JSON.stringify(status));
  });
}

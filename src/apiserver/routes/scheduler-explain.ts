// GET /kubesim/v1/scheduler/explain/namespaces/NS/pods/NAME: the scheduler's last decision for
// a pod (per-node filter verdicts and per-plugin scores) as JSON, for `kubesim explain pod` and
// the web view. Not a Kubernetes API: kube-scheduler has no such endpoint. The API server knows
// nothing of the scheduler; sim/ hands in the provider.
import type { FastifyInstance } from 'fastify';
import * as errors from '../../api/errors.js';

/** The decision for a pod as a JSON-ready value, or undefined when there is none. */
export type SchedulerExplainProvider = (namespace: string, name: string) => unknown;

export const SCHEDULER_EXPLAIN_PREFIX = '/kubesim/v1/scheduler/explain';

export async function schedulerExplainRoutes(app: FastifyInstance, opts: { explain: SchedulerExplainProvider }): Promise<void> {
  app.get(`${SCHEDULER_EXPLAIN_PREFIX}/namespaces/:namespace/pods/:name`, async (req, reply) => {
    const { namespace, name } = req.params as { namespace: string; name: string };
    const decision = opts.explain(namespace, name);
    reply.header('content-type', 'application/json');
    if (decision === undefined) {
      const status = errors.notFound({ group: '', resource: 'schedulingdecisions' }, `${namespace}/${name}`).status;
      status.message = `no scheduling decision recorded for pod "${name}" in namespace "${namespace}"`;
      return reply.code(404).send(JSON.stringify(status));
    }
    return reply.code(200).send(JSON.stringify(decision));
  });
}

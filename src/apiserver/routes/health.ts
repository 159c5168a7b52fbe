// /healthz, /livez and /readyz as kube-apiserver answers them: "ok", or the list of checks
// with ?verbose. Kubernetes twin: k8s.io/apiserver/pkg/server/healthz.
import type { FastifyInstance } from 'fastify';

const CHECKS = ['ping', 'log', 'etcd', 'poststarthook/start-apiextensions-informers'];

export async function healthRoutes(app: FastifyInstance, opts: { ready: () => boolean }): Promise<void> {
  for (const endpoint of ['healthz', 'livez', 'readyz']) {
    app.get(`/${endpoint}`, async (req, reply) => {
      const ok = endpoint !== 'readyz' || opts.ready();
      reply.code(ok ? 200 : 500).header('content-type', 'text/plain; charset=utf-8').header('x-content-type-options', 'nosniff');
      if ('verbose' in (req.query as Record<string, unknown>)) {
        const lines = CHECKS.map((c) => `[+]${c} ok`);
        return `${lines.join('\n')}\n${endpoint} check ${ok ? 'passed' : 'failed'}\n`;
      }
      return ok ? 'ok' : `[-]ready failed: reason withheld\n${endpoint} check failed`;
    });
    for (const check of CHECKS) app.get(`/${endpoint}/${check}`, async (_req, reply) => reply.header('content-type', 'text/plain; charset=utf-8').send('ok'));
  }
}

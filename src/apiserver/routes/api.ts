// Every API path (/api, /apis, /version) goes to the API server core; this plugin only
// translates between Fastify and ApiRequest/ApiResponse.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiServer } from '../apiserver.js';
import type { ApiRequest } from '../api-request.js';
import { pipeWatch } from './watch-writer.js';

function toApiRequest(req: FastifyRequest): ApiRequest {
  const url = req.raw.url ?? '/';
  const q = url.indexOf('?');
  return {
    method: req.method,
    path: decodeURIComponent(q < 0 ? url : url.slice(0, q)),
    query: new URLSearchParams(q < 0 ? '' : url.slice(q + 1)),
    headers: req.headers as Record<string, string | undefined>,
    body: Buffer.isBuffer(req.body) ? req.body : undefined,
  };
}

export async function apiRoutes(app: FastifyInstance, opts: { apiServer: ApiServer }): Promise<void> {
  const handler = async (req: FastifyRequest, reply: import('fastify').FastifyReply) => {
    const res = await opts.apiServer.handle(toApiRequest(req));
    if (res.watch) {
      reply.hijack();
      pipeWatch(res.watch, reply.raw, res.headers, (stop) => {
        req.raw.socket.once('close', stop);
        reply.raw.once('close', stop);
      });
      return;
    }
    reply.code(res.status).headers(res.headers);
    return reply.send(res.body);
  };
  const methods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
  for (const url of ['/api', '/api/*', '/apis', '/apis/*', '/version', '/openapi/*']) app.route({ method: [...methods], url, handler });
}

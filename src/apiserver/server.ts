// The HTTP face of the API server: Fastify with one plugin per concern.
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import * as errors from '../api/errors.js';
import type { ApiServer } from './apiserver.js';
import { apiRoutes } from './routes/api.js';
import { handleUpgrade } from './routes/exec-upgrade.js';
import { faultRoutes, type FaultProvider } from './routes/faults.js';
import { healthRoutes } from './routes/health.js';
import { schedulerExplainRoutes, type SchedulerExplainProvider } from './routes/scheduler-explain.js';

/** kube-apiserver's limit on a request body: 3 MiB. */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

export interface HttpServerOptions {
  ready?: () => boolean;
  /** Serves the scheduler's decisions under /kubesim/v1/scheduler/explain when given. */
  schedulerExplain?: SchedulerExplainProvider;
  /** Serves node faults under /kubesim/v1/faults when given. */
  faults?: () => FaultProvider | undefined;
}

/**
 * No route declares a JSON schema (the core validates), so Fastify's schema compilers are never
 * used; naming our own keeps Fastify from loading Ajv and its serializer compiler at start,
 * a good part of the time to /readyz.
 */
const noSchemas = (): never => {
  throw new Error('kubesim routes declare no Fastify schemas');
};
const SCHEMA_CONTROLLER = { compilersFactory: { buildValidator: () => noSchemas, buildSerializer: () => noSchemas } };

export function createHttpApp(apiServer: ApiServer, options: HttpServerOptions = {}): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: MAX_BODY_BYTES, exposeHeadRoutes: false, return503OnClosing: false, schemaController: SCHEMA_CONTROLLER });
  // Bodies reach the core as bytes: it decides how to read them from the Content-Type.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_BODY_BYTES }, (_req, body, done) => done(null, body));
  app.setErrorHandler((err: FastifyError, _req, reply) => {
    const status =
      err.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? errors.requestEntityTooLarge(MAX_BODY_BYTES).status
        : (err.statusCode ?? 500) < 500
          ? errors.badRequest(err.message).status
          : errors.internalError(err).status;
    reply.code(status.code).header('content-type', 'application/json').send(JSON.stringify(status));
  });
  app.setNotFoundHandler((_req, reply) => {
    const status = errors.notFoundPath().status;
    reply.code(404).header('content-type', 'application/json').send(JSON.stringify(status));
  });
  // Streams (kubectl exec) arrive as HTTP upgrades, which Fastify does not route.
  app.server.on('upgrade', (req, socket, head) => handleUpgrade(apiServer, req, socket, head));
  app.register(healthRoutes, { ready: options.ready ?? (() => true) });
  app.register(apiRoutes, { apiServer });
  if (options.schedulerExplain) app.register(schedulerExplainRoutes, { explain: options.schedulerExplain });
  if (options.faults) app.register(faultRoutes, { faults: options.faults });
  return app;
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

export async function listen(app: FastifyInstance, host: string, port: number): Promise<RunningServer> {
  await app.listen({ host, port });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    app,
    host,
    port: actualPort,
    url: `http://${urlHost}:${actualPort}`,
    close: async () => {
      // Watches hold connections open; closing them lets the server stop at once.
      app.server.closeAllConnections();
      await app.close();
    },
  };
}

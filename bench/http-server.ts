// The process the HTTP benchmark loads: kubesim's API server and, beside it on another port,
// a bare Fastify app whose routes return the same bytes, so both are measured on one footing.
import Fastify from 'fastify';
import { createCluster } from '../src/sim/cluster.js';
import { benchPod } from './fixtures.js';

const cluster = await createCluster();
const api = cluster.apiServer;
const post = (path: string, body: object) =>
  api.handle({ method: 'POST', path, query: new URLSearchParams(), headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(body)) });
await post('/api/v1/namespaces', { metadata: { name: 'bench' } });
await post('/api/v1/namespaces', { metadata: { name: 'creates' } });
await post('/api/v1/namespaces/default/pods', benchPod('one'));
for (let i = 0; i < 1000; i++) await post('/api/v1/namespaces/bench/pods', benchPod(`pod-${String(i).padStart(4, '0')}`, 'bench'));
const server = await cluster.listen('127.0.0.1', 0);

// The bytes the real routes answer with, captured once.
const get = (path: string) => api.handle({ method: 'GET', path, query: new URLSearchParams(), headers: {} });
const podBytes = String((await get('/api/v1/namespaces/default/pods/one')).body);
const listBytes = String((await get('/api/v1/namespaces/bench/pods')).body);
const createBytes = String((await post('/api/v1/namespaces/creates/pods', { ...benchPod('sample', 'creates') })).body);

const bare = Fastify({ logger: false });
bare.removeAllContentTypeParsers();
bare.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
bare.get('/pod', async (_req, reply) => reply.header('content-type', 'application/json').send(podBytes));
bare.get('/list', async (_req, reply) => reply.header('content-type', 'application/json').send(listBytes));
bare.post('/create', async (_req, reply) => reply.code(201).header('content-type', 'application/json').send(createBytes));
await bare.listen({ host: '127.0.0.1', port: 0 });
const bareAddress = bare.server.address();
const barePort = typeof bareAddress === 'object' && bareAddress ? bareAddress.port : 0;
process.stdout.write(`${JSON.stringify({ kubesim: server.url, bare: `http://127.0.0.1:${barePort}` })}\n`);

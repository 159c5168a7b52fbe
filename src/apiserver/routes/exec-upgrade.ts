// `kubectl exec` over a WebSocket: the upgrade of GET .../pods/NAME/exec, then the remote
// command protocol v5 (or v4): binary messages whose first byte names the stream (0 stdin,
// 1 stdout, 2 stderr, 3 the closing Status; v5 adds 255, "this stream is closed").
// Kubernetes twin: k8s.io/apiserver/pkg/util/wsstream (server side) and client-go's
// tools/remotecommand/websocket.go (the side kubectl runs).
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import * as errors from '../../api/errors.js';
import type { ApiServer } from '../apiserver.js';
import { checkExecRunnable, containerNotRunning, execStatus, type ExecRequest, type ExecResult } from '../rest/pod-exec.js';
import { acceptKey, closeFrame, encodeFrame, FrameReader, OPCODE } from './websocket.js';

const PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];
const STREAM = { stdin: 0, stdout: 1, stderr: 2, error: 3, close: 255 } as const;
const EXEC_PATH = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/exec$/;

/** Answers a request that cannot be upgraded with its Status, as a plain HTTP response. */
function refuse(socket: Duplex, err: errors.StatusError): void {
  const body = JSON.stringify(err.status);
  const reason = err.status.reason || 'Error';
  socket.end(`HTTP/1.1 ${err.code} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/**
 * Handles every HTTP upgrade request. Only WebSocket exec is served; anything else (SPDY, which
 * kubectl falls back to when the WebSocket is refused) gets the error the request earns, so
 * that kubectl shows the same message either way.
 */
export function handleUpgrade(apiServer: ApiServer, req: IncomingMessage, socket: Duplex, head: Buffer): void {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const query = new URLSearchParams(q < 0 ? '' : url.slice(q + 1));
  const match = EXEC_PATH.exec(decodeURIComponent(q < 0 ? url : url.slice(0, q)));
  if (!match) return refuse(socket, errors.badRequest(`upgrade requests are served for pods/exec only`));
  if ((req.headers.upgrade ?? '').toLowerCase() !== 'websocket') {
    void checkExecRunnable(apiServer.ctx, match[1], match[2], query).then(
      () => refuse(socket, errors.badRequest('only WebSocket streams (v5.channel.k8s.io, v4.channel.k8s.io) are served')),
      (e: unknown) => refuse(socket, errors.toStatusError(e)),
    );
    return;
  }
  const offered = String(req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim());
  const protocol = PROTOCOLS.find((p) => offered.includes(p));
  const key = req.headers['sec-websocket-key'];
  void (async () => {
    try {
      if (!protocol || typeof key !== 'string') throw errors.badRequest(`a WebSocket with one of the protocols ${PROTOCOLS.join(', ')} is required`);
      // A container that is not running is refused before the upgrade, as the node answers.
      const exec = await checkExecRunnable(apiServer.ctx, match[1], match[2], query);
      // Without stdin the command can run at once.
      const early = exec.stdin ? undefined : apiServer.ctx.exec.exec(exec.namespace, exec.pod, exec.container, exec.command);
      socket.write(
        `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${acceptKey(key)}\r\nSec-WebSocket-Protocol: ${protocol}\r\n\r\n`,
      );
      stream(apiServer, socket, head, exec, protocol, early);
    } catch (e) {
      refuse(socket, errors.toStatusError(e));
    }
  })();
}

function stream(apiServer: ApiServer, socket: Duplex, head: Buffer, exec: ExecRequest, protocol: string, early: ExecResult | undefined): void {
  let finished = false;
  const send = (channel: number, data: string | Buffer) => {
    if (!socket.writable) return;
    socket.write(encodeFrame(OPCODE.binary, Buffer.concat([Buffer.from([channel]), Buffer.from(data)])));
  };
  const finish = (result: ExecResult | undefined) => {
    if (finished) return;
    finished = true;
    if (!result) {
      send(STREAM.error, JSON.stringify(containerNotRunning(exec.container).status));
    } else {
      if (exec.stdout && result.stdout) send(STREAM.stdout, result.stdout);
      // With a TTY there is one output stream: stderr goes to stdout.
      if (result.stderr) send(exec.tty || !exec.stderr ? STREAM.stdout : STREAM.stderr, result.stderr);
      send(STREAM.error, JSON.stringify(execStatus(exec, result.exitCode)));
    }
    if (socket.writable) socket.end(closeFrame());
  };
  const stdin: Buffer[] = [];
  const reader = new FrameReader((m) => {
    if (m.opcode === OPCODE.ping) return void socket.write(encodeFrame(OPCODE.pong, m.payload));
    if (m.opcode === OPCODE.close) {
      if (!finished && exec.stdin) finish(runWithStdin());
      return void socket.end(closeFrame());
    }
    if (m.opcode !== OPCODE.binary || m.payload.length === 0) return;
    const channel = m.payload[0];
    if (channel === STREAM.stdin) stdin.push(m.payload.subarray(1));
    // v5's CLOSE signal for stdin: the input is complete, the command can run.
    else if (channel === STREAM.close && m.payload[1] === STREAM.stdin && !finished) finish(runWithStdin());
  });
  const runWithStdin = () => apiServer.ctx.exec.exec(exec.namespace, exec.pod, exec.container, exec.command, Buffer.concat(stdin).toString('utf8'));
  socket.on('data', (chunk: Buffer) => reader.push(chunk));
  socket.on('error', () => socket.destroy());
  if (head.length > 0) reader.push(head);
  if (!exec.stdin) finish(early);
  // v4 has no CLOSE signal: stdin ends only with the connection, which the client closes
  // after reading our output; so under v4 the command runs on what arrived by then.
  else if (protocol === 'v4.channel.k8s.io') socket.once('end', () => finish(runWithStdin()));
}

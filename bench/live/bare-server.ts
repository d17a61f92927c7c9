/**
 * The live fan-out's baseline (a child of bench/run.ts): a bare `ws` server on
 * /api/live, no Fastify, no auth, no database. `POST /broadcast` stamps a
 * frame of the same shape and size as the product's `insight.created` event
 * (`at` taken just before sending, as the product's is taken just before its
 * commit), serializes it once and sends it to every open socket, as the
 * product's hub does, then answers the new insight's id.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';
import { announceReady, freePort, onParentRequest } from '../children.js';

const port = await freePort();
const server = createServer();
const wss = new WebSocketServer({ server, path: '/api/live', perMessageDeflate: false, maxPayload: 4096 });
let seq = 0;

wss.on('connection', (socket) => {
  socket.on('error', () => socket.terminate());
  socket.send(JSON.stringify({ type: 'hello', seq, protocolVersion: 1 }));
});

server.on('request', (request, response) => {
  if (request.method !== 'POST' || request.url !== '/broadcast') {
    response.writeHead(404).end();
    return;
  }
  request.resume();
  request.on('end', () => {
    const id = randomBytes(12).toString('base64url');
    seq += 1;
    const frame = Buffer.from(
      JSON.stringify({
        seq,
        type: 'insight.created',
        at: new Date().toISOString(),
        actor: { id: 'user-agent', displayName: 'Alex Agent' },
        subject: { type: 'insight', id },
        data: { insightId: id, authorId: 'user-agent', customerId: null, channel: 'chat', sentiment: 'neutral', tags: [] },
      }),
    );
    for (const socket of wss.clients) if (socket.readyState === socket.OPEN) socket.send(frame, { binary: false });
    response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id, seq }));
  });
});

onParentRequest(async (request) => {
  if (request.type !== 'memory') throw new Error(`unknown request ${request.type}`);
  const gc = (globalThis as { gc?: () => void }).gc;
  // Twice, a moment apart: what the first collection frees in old space is often released only by the next.
  gc?.();
  await new Promise((resolve) => setTimeout(resolve, 200));
  gc?.();
  return { ...process.memoryUsage(), gc: gc !== undefined, liveClients: wss.clients.size };
});

server.listen(port, '127.0.0.1', () => {
  announceReady(`http://127.0.0.1:${port}`, async () => {
    for (const socket of wss.clients) socket.terminate();
    await new Promise<void>((resolve) => wss.close(() => server.close(() => resolve())));
  });
});

import WebSocket from 'ws';

export interface LiveClient {
  socket: WebSocket;
  /** Every message received so far, parsed. */
  messages: unknown[];
  /** Resolves with the next message matching `predicate` (already received ones count), or rejects after `timeoutMs`. */
  waitFor<T = Record<string, unknown>>(predicate: (m: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<T>;
  send(message: unknown): void;
  close(): Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
}

/**
 * A real websocket client. Messages are buffered from the moment the socket
 * opens, so a test never misses one that arrives before it starts waiting.
 */
export function connectLive(url: string, options: { headers?: Record<string, string> } = {}): Promise<LiveClient> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers: options.headers });
    const messages: unknown[] = [];
    const waiters = new Set<() => void>();
    let closeInfo: (info: { code: number; reason: string }) => void = () => {};
    const closed = new Promise<{ code: number; reason: string }>((r) => (closeInfo = r));
    socket.on('message', (raw) => {
      messages.push(JSON.parse(String(raw)));
      for (const wake of waiters) wake();
    });
    socket.on('close', (code, reason) => closeInfo({ code, reason: String(reason) }));
    socket.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { statusCode: res.statusCode })));
    socket.once('error', reject);
    socket.once('open', () =>
      resolve({
        socket,
        messages,
        closed,
        send: (message) => socket.send(JSON.stringify(message)),
        close: async () => {
          if (socket.readyState === WebSocket.CLOSED) return;
          socket.close();
          await closed;
        },
        waitFor: <T>(predicate: (m: Record<string, unknown>) => boolean, timeoutMs = 5000) =>
          new Promise<T>((done, fail) => {
            let seen = 0;
            const check = () => {
              for (; seen < messages.length; seen++) {
                const m = messages[seen] as Record<string, unknown>;
                if (predicate(m)) {
                  waiters.delete(check);
                  clearTimeout(timer);
                  done(m as T);
                  return;
                }
              }
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`no matching message within ${timeoutMs} ms; last: ${messages.slice(-3).map((m) => JSON.stringify(m).slice(0, 160)).join(' | ')}`));
            }, timeoutMs);
            waiters.add(check);
            check();
          }),
      }),
    );
  });
}

import fp from 'fastify-plugin';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';
import { AppError } from '../errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True when a browser tells us the request came from a page of another origin. */
export function isForeignRequest(headers: Record<string, string | string[] | undefined>, publicOrigin: string): boolean {
  const origin = headers.origin;
  if (typeof origin === 'string' && origin !== '') return origin !== publicOrigin;
  const site = headers['sec-fetch-site'];
  return typeof site === 'string' && site !== 'same-origin' && site !== 'none';
}

/** Security headers with a CSP the built client satisfies, and refusal of cross-site state changes. */
export default fp<{ publicUrl: string }>(
  async (app, opts) => {
    const publicOrigin = new URL(opts.publicUrl).origin;
    const https = publicOrigin.startsWith('https:');
    const headers = helmetHeaders({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
          ...(https ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      hsts: https ? undefined : false,
      crossOriginEmbedderPolicy: false,
    });
    app.addHook('onRequest', (_request, reply, done) => {
      reply.headers(headers);
      done();
    });
    app.addHook('onRequest', async (request) => {
      if (SAFE_METHODS.has(request.method)) return;
      if (isForeignRequest(request.headers, publicOrigin)) {
        throw new AppError('forbidden', 'Cross-site requests that change state are refused.');
      }
    });
  },
  { name: 'security' },
);

/**
 * The headers helmet sets, worked out once: with these options (no nonces)
 * they are the same for every response, and building them per request (as
 * the Fastify plugin does) cost a few percent of every answer.
 */
function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  } as unknown as ServerResponse;
  helmet(options)({} as IncomingMessage, response, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
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
    await app.register(helmet, {
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
    app.addHook('onRequest', async (request) => {
      if (SAFE_METHODS.has(request.method)) return;
      if (isForeignRequest(request.headers, publicOrigin)) {
        throw new AppError('forbidden', 'Cross-site requests that change state are refused.');
      }
    });
  },
  { name: 'security' },
);

import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** OpenAPI generated from the same zod schemas that validate requests: /api/openapi.json, browsable at /api/docs. */
export default fp<{ publicUrl: string }>(
  async (app, opts) => {
    const https = opts.publicUrl.startsWith('https:');
    await app.register(swagger, {
      openapi: {
        info: { title: 'Frontline API', version: '1', description: 'Contract v1. Errors are {"error": {"code", "message", "details"}}.' },
        components: {
          securitySchemes: {
            session: { type: 'apiKey', in: 'cookie', name: 'frontline_session' },
            bearer: { type: 'http', scheme: 'bearer' },
          },
        },
        security: [{ session: [] }, { bearer: [] }],
      },
      transform: jsonSchemaTransform,
    });
    await app.register(swaggerUi, {
      routePrefix: '/api/docs',
      staticCSP: true,
      // Over plain http (the embedded default) upgrading would break the page's own requests.
      transformStaticCSP: (header) => (https ? header : header.replace(/upgrade-insecure-requests;?/, '')),
    });
    app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);

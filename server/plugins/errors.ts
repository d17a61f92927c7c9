import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { ERROR_STATUS, type ErrorBody, type ErrorCode } from '../../shared/errors.js';
import { AppError } from '../errors.js';

const FASTIFY_CODES: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', message: 'Send the body as application/json.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'invalid_input', message: 'The Content-Length header does not match the body.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'too_large', message: 'The request body is larger than 1 MiB.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'invalid_input', message: 'The body is empty but the content type says JSON.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'invalid_input', message: 'The body is not valid JSON.' },
};

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'invalid_input',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'rate_limited',
};

export const sendError = (reply: FastifyReply, code: ErrorCode, message: string, details?: unknown) => {
  const body: ErrorBody = { error: { code, message, ...(details === undefined ? {} : { details }) } };
  const retryAfter = (details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  if (code === 'rate_limited' && typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
  return reply.code(ERROR_STATUS[code]).type('application/json; charset=utf-8').send(body);
};

const zodIssues = (issues: readonly { path: PropertyKey[]; message: string }[]) =>
  issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));

/** One place maps every failure to the contract's error shape; 5xx internals never leave the server. */
export default fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      if (error instanceof AppError) return sendError(reply, error.code, error.message, error.details);
      if (hasZodFastifySchemaValidationErrors(error)) {
        const fields = error.validation.map((v) => ({
          path: [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
          message: v.message ?? 'is invalid',
        }));
        const first = fields[0];
        return sendError(reply, 'invalid_input', first ? `${first.path}: ${first.message}` : 'Invalid input.', { fields });
      }
      if (error instanceof ZodError) {
        const fields = zodIssues(error.issues);
        return sendError(reply, 'invalid_input', fields[0]?.message ?? 'Invalid input.', { fields });
      }
      const known = error.code ? FASTIFY_CODES[error.code] : undefined;
      if (known) return sendError(reply, known.code, known.message);
      const status = error.statusCode ?? 500;
      if (status === 429) return sendError(reply, 'rate_limited', 'Too many requests: wait a moment and try again.');
      if (status >= 400 && status < 500) {
        return sendError(reply, CODE_BY_STATUS[status] ?? 'invalid_input', error.message || 'The request was not understood.');
      }
      request.log.error({ err: error }, 'unhandled error');
      return sendError(reply, 'internal', 'Something went wrong on our side. Try again; if it keeps happening, tell an admin.');
    });
  },
  { name: 'errors' },
);

import type { ErrorBody, ErrorCode } from '../../shared/errors.js';

/** One invalid field as the server reports it: `path` like `body.email`. */
export interface FieldProblem {
  path: string;
  message: string;
}

export interface ApiErrorDetails {
  fields?: FieldProblem[];
  /** Conflicts name the field they are about, e.g. `{ field: 'email' }`. */
  field?: string;
  retryAfterSeconds?: number;
  [key: string]: unknown;
}

/** Codes of the contract, plus two of the client's own for when no contract answer arrived. */
export type ApiErrorCode = ErrorCode | 'network' | 'bad_response';

/** A failed API call, in the contract's words: `{"error": {"code", "message", "details"}}`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details: ApiErrorDetails = {},
    /** From the Retry-After header or the details of a 429, when known. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }

  /**
   * Field messages keyed by the field's name (`body.email` → `email`,
   * `body.teamIds.0` → `teamIds`); the first message of a field wins. A
   * conflict that names its field (email or handle taken) counts too.
   */
  fieldErrors(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const problem of this.details.fields ?? []) {
      const segments = problem.path.split('.').filter(Boolean);
      if (['body', 'querystring', 'params'].includes(segments[0] ?? '')) segments.shift();
      const name = segments[0];
      if (name && !(name in byField)) byField[name] = problem.message;
    }
    if (typeof this.details.field === 'string' && !(this.details.field in byField)) {
      byField[this.details.field] = this.message;
    }
    return byField;
  }
}

export const isApiError = (value: unknown): value is ApiError => value instanceof ApiError;

const WORDS_BY_STATUS: Record<number, string> = {
  400: 'The request was not understood.',
  401: 'Sign in to continue.',
  403: 'You are not allowed to do that.',
  404: 'That was not found.',
  409: 'That conflicts with a change someone else made. Reload and try again.',
  413: 'That is too large to send.',
  429: 'Too many requests: wait a moment and try again.',
  500: 'Something went wrong on our side. Try again; if it keeps happening, tell an admin.',
  502: 'Frontline is not answering right now. Try again in a moment.',
  503: 'Frontline is not available right now. Try again in a moment.',
};

type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
  /** Sent as `Idempotency-Key` on creating POSTs: a retry of the same draft returns the first result. */
  idempotencyKey?: string;
  /** `'throw'`: a 401 is only thrown, never sent to the sign-in page (used by the session check). */
  on401?: 'redirect' | 'throw';
}

let onUnauthenticated: (() => void) | null = null;

/** What to do when any call (other than signing in) answers 401: the shell sends the person to /login. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

const withQuery = (path: string, query: Query | undefined): string => {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
};

const retryAfterOf = (response: Response, details: ApiErrorDetails): number | null => {
  if (typeof details.retryAfterSeconds === 'number') return details.retryAfterSeconds;
  const header = Number(response.headers.get('retry-after'));
  return Number.isFinite(header) && header > 0 ? header : null;
};

async function errorFrom(response: Response): Promise<ApiError> {
  let body: Partial<ErrorBody> | null;
  try {
    body = (await response.json()) as Partial<ErrorBody>;
  } catch {
    body = null;
  }
  const error = body?.error;
  const details = error?.details !== null && typeof error?.details === 'object' ? (error.details as ApiErrorDetails) : {};
  const message = typeof error?.message === 'string' && error.message ? error.message : (WORDS_BY_STATUS[response.status] ?? `The server answered ${response.status}.`);
  const code: ApiErrorCode = typeof error?.code === 'string' ? error.code : 'bad_response';
  return new ApiError(response.status, code, message, details, retryAfterOf(response, details));
}

/**
 * Calls the API under /api on this origin with the session cookie, JSON in
 * and out. Resolves with the parsed body (undefined for 204) or rejects with
 * an ApiError; an aborted call rejects with the AbortError.
 */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(withQuery(`/api${path}`, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'include',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', 'Could not reach Frontline. Check your connection and try again.');
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    if (response.status === 401 && path !== '/auth/login' && options.on401 !== 'throw') onUnauthenticated?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiError(response.status, 'bad_response', 'The server sent an answer the app could not read. Reload and try again.');
  }
}

export const api = {
  get: <T>(path: string, query?: Query, options: Omit<RequestOptions, 'method' | 'query'> = {}) =>
    request<T>(path, { ...options, method: 'GET', query }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    request<T>(path, { ...options, method: 'POST', body }),
  patch: <T>(path: string, body: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    request<T>(path, { ...options, method: 'PATCH', body }),
  put: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    request<T>(path, { ...options, method: 'PUT', body }),
  delete: <T = void>(path: string, options: Omit<RequestOptions, 'method'> = {}) => request<T>(path, { ...options, method: 'DELETE' }),
};

/** A random key for Idempotency-Key; works on plain-http intranets too, where randomUUID is missing. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Path segments are ids or slugs from the server; encode them all the same. */
export const seg = (value: string) => encodeURIComponent(value);

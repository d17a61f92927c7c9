import { ERROR_STATUS, type ErrorCode } from '../shared/errors.js';

/** A failure the client can act on; anything else thrown is an internal error. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found.`);
export const forbidden = (message = 'You are not allowed to do that.') => new AppError('forbidden', message);
export const conflict = (message: string, details?: unknown) => new AppError('conflict', message, details);
export const invalid = (message: string, details?: unknown) => new AppError('invalid_input', message, details);

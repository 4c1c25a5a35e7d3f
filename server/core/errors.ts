/**
 * Domain errors: what a person or a network can cause. Each carries one code of the
 * API contract (SPEC §4); `graphql/errors.ts` is the only place that turns them into
 * `extensions.code`. Bugs are not DomainErrors: they go through `assert` and get masked.
 */
export const errorCodes = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'ACCOUNT_FROZEN',
  'INSUFFICIENT_FUNDS',
  'OUT_OF_STOCK',
  'CONFLICT',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (field: string, problem: string) =>
  new DomainError('BAD_USER_INPUT', `Invalid ${field}: ${problem}`, { field });

export const unauthenticated = (why = 'A valid bearer token is required') =>
  new DomainError('UNAUTHENTICATED', why);

export const forbidden = () =>
  new DomainError('FORBIDDEN', 'You are not allowed to perform this action');

/** The same answer for "missing" and "not yours", so existence never leaks (R2). */
export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} not found`);

export const conflict = (why: string) => new DomainError('CONFLICT', why);

export const rateLimited = (retryAfterSeconds: number) =>
  new DomainError('RATE_LIMITED', 'Too many requests, slow down', {
    retryAfter: retryAfterSeconds,
  });

export const serviceUnavailable = (service: string) =>
  new DomainError('SERVICE_UNAVAILABLE', `Temporarily unavailable (${service}), try again later`, {
    service,
  });

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;

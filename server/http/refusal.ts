import type { Response } from 'express';
import type { DomainError } from '../core/errors';

/** Refusals outside GraphQL execution still answer as a GraphQL error body (SPEC §4). */
export function sendRefusal(res: Response, status: number, error: DomainError): void {
  if (error.code === 'RATE_LIMITED')
    res.setHeader('retry-after', String(error.extensions.retryAfter ?? 1));
  res.status(status).json({
    errors: [{ message: error.message, extensions: { ...error.extensions, code: error.code } }],
  });
}

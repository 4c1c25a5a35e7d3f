import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Secrets never reach the logs: bearer tokens, the JWT secret and the scoring weights are
 * censored wherever they appear in a logged object (pino's redaction, fixed paths, no regex).
 */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'authorization',
  'token',
  '*.token',
  'auth.token',
  'jwtSecret',
  '*.jwtSecret',
  'JWT_SECRET',
  '*.JWT_SECRET',
  'weights',
  '*.weights',
  '*.*.weights',
  'scoring',
  '*.scoring',
  'SCORING_WEIGHTS',
  '*.SCORING_WEIGHTS',
  'variables',
  '*.variables',
];

export type { Logger };

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'merit' },
    redact: { paths: redactedPaths, censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * Assertions catch bugs, never user mistakes: a failed one crashes the request or the job,
 * gets logged with context and is masked for clients.
 */
export class AssertionError extends Error {
  override name = 'AssertionError';
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new AssertionError(message);
}

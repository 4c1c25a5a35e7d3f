import { z } from 'zod';
import { badInput } from './errors';

/**
 * Parses untrusted input with a zod schema. The first problem becomes BAD_USER_INPUT naming the
 * offending field by its path inside the argument (`title`, `events`, `events.3.occurredAt`),
 * so a client can point at the field. Nothing has been written when this throws.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = (issue?.path ?? []).map(String).filter((part) => part !== 'input');
  throw badInput(path.join('.') || 'input', issue?.message ?? 'is invalid');
}

/** Shared field shapes, written once. */
export const fields = {
  text: (max: number) =>
    z.string().trim().min(1, 'must not be blank').max(max, `must be at most ${max} characters`),
  id: () => z.string().trim().min(1, 'must not be blank').max(128, 'is too long'),
};

import type { EntryKind } from '../ledger';

/**
 * The names that the API processes' Redis adapter and the job processes' Redis emitter must
 * agree on, kept in one place because a mismatch fails silently (pushes published on a channel
 * nobody listens to):
 * - the Redis key: socket.io builds its pub/sub channels from it (`<key>#/#<room>#`). Redis
 *   pub/sub channels are shared by every database of a server, so the key carries the
 *   deployment's `redisPrefix`: two deployments (or two test files) on one Redis never hear
 *   each other's pushes;
 * - the member's room: prefixed, so a member id can never name another socket.io room (every
 *   socket also sits in a room named after its own random id);
 * - the event and its payload (SPEC §5), which the client reads as `BalanceEvent`.
 */
export const liveKeyOf = (redisPrefix: string): string => `${redisPrefix}socket.io`;

export const memberRoom = (memberId: string): string => `member:${memberId}`;

export interface BalancePush {
  /** The balance once the entry is applied. */
  balance: number;
  /** The entry's signed amount: negative for a debit. */
  delta: number;
  kind: EntryKind;
  entryId: string;
  /** The entry's `createdAt`, ISO-8601. */
  at: string;
}

/** What the server sends to clients (socket.io's typed events; clients send nothing). */
export interface LiveEvents {
  balance: (push: BalancePush) => void;
}

import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { assert } from '../core/assert';
import { serviceUnavailable } from '../core/errors';
import { limits } from '../core/limits';
import { isDuplicateKey } from '../core/mongo';
import {
  AuditHead,
  AuditRecord,
  auditActions,
  type AuditAction,
  type AuditData,
  type AuditRecordDoc,
} from './audit.model';
import { genesisHash, hashRecord } from './auditHash';

/**
 * Appends one record to the audit log, chained to the one before it. No transaction:
 * 1. read the tip (the head document; genesis when the log is empty);
 * 2. insert record `tip.seq + 1` with `prevHash = tip.hash`. The unique seq index lets one of two
 *    appenders that read the same tip land; the other gets a duplicate key, re-reads the tip from
 *    the records themselves and tries again (bounded, jittered), so the chain cannot fork;
 * 3. move the head forward to this record, conditioned on it being behind.
 *
 * Idempotency: `key` (optional; `review:<materialId>`, `reversal:<id>`...) is unique, so a
 * replayed act returns its first record and appends nothing. A crash between 2 and 3 leaves the
 * head one record behind: the next append collides on that seq and catches up, and verification
 * accepts a head behind the chain (it is behind the appends in flight anyway).
 *
 * Appends in one process queue behind each other (they would all collide on the same seq
 * otherwise, an O(n²) pile-up); appends from several processes still race, and step 2 settles it.
 */
export interface AuditInput {
  action: AuditAction;
  actorId: string;
  targetId?: string | null;
  reason?: string | null;
  note?: string | null;
  data?: AuditData;
  /** The act's own idempotency key; omit for acts that are not retried (a support look-up). */
  key?: string;
}

/** Longest key, reason or note an act may hand in (they come validated from the acts). */
const auditTextMax = limits.evidenceLengthMax;
const auditDataKeysMax = 32;

let lane: Promise<unknown> = Promise.resolve();

export function appendAudit(input: AuditInput): Promise<AuditRecordDoc> {
  const draft = draftOf(input);
  const run = lane.then(() => appendDraft(draft));
  lane = run.catch(() => undefined);
  return run;
}

type Draft = Omit<AuditRecordDoc, '_id' | 'seq' | 'createdAt' | 'prevHash' | 'hash'>;

/** Acts call this with values they have validated, so a malformed draft is a bug. */
function draftOf(input: AuditInput): Draft {
  assert(auditActions.includes(input.action), `unknown audit action ${input.action}`);
  assert(input.actorId.length > 0, 'an audit record names its actor');
  const data = input.data ?? {};
  const keys = Object.keys(data);
  assert(keys.length <= auditDataKeysMax, 'audit data is small');
  assert(
    keys.every((k) => /^[A-Za-z][A-Za-z0-9_]*$/.test(k)),
    'audit data keys are plain names (no dots or dollars)',
  );
  for (const text of [input.key, input.reason, input.note]) {
    assert((text ?? '').length <= auditTextMax, 'audit texts are bounded by the acts');
  }
  return {
    key: input.key ?? `auto:${randomUUID()}`,
    action: input.action,
    actorId: input.actorId,
    targetId: input.targetId ?? null,
    reason: input.reason ?? null,
    note: input.note ?? null,
    data,
  };
}

interface Tip {
  seq: number;
  hash: string;
}

async function appendDraft(draft: Draft): Promise<AuditRecordDoc> {
  let tip = await readHead();
  for (let attempt = 1; ; attempt++) {
    const record = seal(draft, tip, new Date());
    try {
      await AuditRecord.collection.insertOne(record);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const replayed = await AuditRecord.findOne({ key: draft.key }).lean<AuditRecordDoc>();
      if (replayed) return replayed;
      // Lost the seq: another appender (or a crashed one) is ahead of the head we read.
      if (attempt >= limits.retryAttemptsMax) throw serviceUnavailable('audit log');
      await pause(attempt);
      tip = await readTip();
      continue;
    }
    await advanceHead(record);
    return record;
  }
}

function seal(draft: Draft, tip: Tip, now: Date): AuditRecordDoc {
  const fields = { ...draft, seq: tip.seq + 1, createdAt: now, prevHash: tip.hash };
  return { _id: new Types.ObjectId(), ...fields, hash: hashRecord(fields) };
}

async function readHead(): Promise<Tip> {
  const head = await AuditHead.findById('head').lean();
  return head ? { seq: head.seq, hash: head.hash } : { seq: 0, hash: genesisHash };
}

/** The latest record, read from the log itself (the head may trail it). */
async function readTip(): Promise<Tip> {
  const last = await AuditRecord.findOne()
    .sort({ seq: -1 })
    .select({ seq: 1, hash: 1 })
    .lean<Pick<AuditRecordDoc, 'seq' | 'hash'>>();
  return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: genesisHash };
}

async function advanceHead(record: AuditRecordDoc): Promise<void> {
  try {
    await AuditHead.updateOne(
      { _id: 'head', seq: { $lt: record.seq } },
      { $set: { seq: record.seq, hash: record.hash } },
      { upsert: true },
    );
  } catch (error) {
    // The upsert found no head behind this record and tried to create one: the head is ahead.
    if (!isDuplicateKey(error)) throw error;
  }
}

/** Jittered and growing, so appenders in different processes do not collide in lockstep. */
function pause(attempt: number): Promise<void> {
  const ceilingMs = Math.min(2 ** attempt, limits.retryBackoffMsMax);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceilingMs));
}

import { limits } from '../core/limits';
import { AuditHead, AuditRecord, type AuditRecordDoc } from './audit.model';
import { genesisHash, hashRecord } from './auditHash';

/**
 * Walks the audit log in seq order (a cursor, in batches) and checks, for every record, that
 * - its seq is the next one (1, 2, 3...): a record deleted in the middle leaves a gap;
 * - its `prevHash` is the previous record's `hash`: a record moved or replaced breaks the link;
 * - its `hash` is the hash of its content: a record edited in place no longer matches.
 * Then the end of the chain is held against the head document: a head past the last record
 * means records were deleted from the end (the chain alone cannot tell), and the record the head
 * names must still carry the hash the head remembers.
 *
 * `firstBrokenAt` is the first seq at which the log differs from an intact one: the edited
 * record's seq, or the seq of the first record missing. The walk stops there. The head is read
 * before the walk, so records appended meanwhile are simply checked, or left for next time.
 */
export interface AuditVerification {
  ok: boolean;
  /** Records read and found intact. */
  checked: number;
  firstBrokenAt: number | null;
  problem: string | null;
}

export async function verifyAuditLog(): Promise<AuditVerification> {
  const head = await AuditHead.findById('head').lean();
  let expectedSeq = 1;
  let prevHash = genesisHash;
  let hashAtHead: string | null = null;
  const broken = (seq: number, problem: string): AuditVerification => ({
    ok: false,
    checked: expectedSeq - 1,
    firstBrokenAt: seq,
    problem,
  });

  const records = AuditRecord.find()
    .sort({ seq: 1 })
    .lean<AuditRecordDoc[]>()
    .cursor({ batchSize: limits.cursorBatchSize });
  for await (const record of records) {
    if (record.seq !== expectedSeq) {
      return broken(expectedSeq, `record ${expectedSeq} is missing (the next is ${record.seq})`);
    }
    if (record.prevHash !== prevHash) {
      return broken(record.seq, `record ${record.seq} does not link to the record before it`);
    }
    if (hashRecord(record) !== record.hash) {
      return broken(record.seq, `record ${record.seq} does not match its hash`);
    }
    if (head && record.seq === head.seq) hashAtHead = record.hash;
    prevHash = record.hash;
    expectedSeq += 1;
  }

  if (head && head.seq >= expectedSeq) {
    return broken(expectedSeq, `records ${expectedSeq} to ${head.seq} are missing from the end`);
  }
  if (head && head.seq > 0 && hashAtHead !== head.hash) {
    return broken(head.seq, `record ${head.seq} is not the record the head remembers`);
  }
  return { ok: true, checked: expectedSeq - 1, firstBrokenAt: null, problem: null };
}

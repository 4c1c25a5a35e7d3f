/**
 * Proves that concurrent appends cannot fork the audit chain, without transactions: 50 appends
 * started at once in one process, then 3 processes × 15 racing each other (where no in-process
 * queue helps, only the unique seq index), end as one chain with seqs 1..n, each record linked
 * to the one before it, and verifyAuditLog finds it intact. Also: a keyed act replayed (a retry
 * after a crash) keeps one record.
 */
import { testEnv, useTestDatabase } from '../../test/support/harness';
import { spawnTsx } from '../../test/support/processes';
import { AuditRecord } from './audit.model';
import { appendAudit, verifyAuditLog } from '.';

const database = useTestDatabase('auditappend');

async function expectOneChain(length: number) {
  const records = await AuditRecord.find().sort({ seq: 1 }).lean();
  expect(records.map((r) => r.seq)).toEqual(Array.from({ length }, (_, i) => i + 1));
  records.slice(1).forEach((record, i) => expect(record.prevHash).toBe(records[i]!.hash));
  expect(await verifyAuditLog()).toEqual({
    ok: true,
    checked: length,
    firstBrokenAt: null,
    problem: null,
  });
}

it('keeps 50 concurrent appends in one unbroken chain', async () => {
  const records = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      appendAudit({ action: 'BAN', actorId: 'mod', targetId: `m${i}`, reason: 'spam' }),
    ),
  );
  expect(new Set(records.map((r) => r.seq)).size).toBe(50);
  await expectOneChain(50);
});

it('keeps one record for a keyed act appended twice at once', async () => {
  const act = { action: 'REVIEW_PUBLISH', actorId: 'ed', targetId: 'mat1', key: 'review:mat1' };
  const [a, b] = await Promise.all([appendAudit(act as never), appendAudit(act as never)]);
  expect(a._id.toHexString()).toBe(b._id.toHexString());
  expect(await AuditRecord.countDocuments({ key: 'review:mat1' })).toBe(1);
  await expectOneChain(51);
});

it('keeps appends racing from 3 processes in one unbroken chain', async () => {
  const children = [0, 1, 2].map((p) =>
    spawnTsx('test/support/auditRacer.ts', testEnv(database), ['15', `racer${p}`]),
  );
  await Promise.all(children.map((child) => child.waitForLine(/^READY$/)));
  for (const child of children) child.send('go');
  expect(await Promise.all(children.map((child) => child.exited))).toEqual([0, 0, 0]);
  const seqs = children.flatMap((child) => JSON.parse(child.lines.at(-1)!) as number[]);
  expect(new Set(seqs).size).toBe(45);
  await expectOneChain(96);
});

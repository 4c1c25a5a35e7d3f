/**
 * Proves that tampering with the audit log directly in the database is detected, and where:
 * editing a record's reason (or its data) breaks verifyAuditLog at that record; deleting a
 * record in the middle breaks it at the missing seq; deleting the last records (which leaves a
 * chain intact by itself) is caught by the head document. Each case starts from a fresh log of
 * 10 records appended through appendAudit, and checks the log was intact before tampering.
 */
import { useTestDatabase } from '../../test/support/harness';
import { AuditHead, AuditRecord } from './audit.model';
import { appendAudit, verifyAuditLog } from '.';

useTestDatabase('auditverify');

beforeEach(async () => {
  await AuditRecord.deleteMany({});
  await AuditHead.deleteMany({});
  for (let i = 1; i <= 10; i++) {
    await appendAudit({
      action: 'REVERSAL',
      actorId: 'sup',
      targetId: `m${i}`,
      reason: 'FAKE_VIEWS',
      data: { amount: i * 10, day: '2026-01-01' },
    });
  }
  expect((await verifyAuditLog()).ok).toBe(true);
});

const records = () => AuditRecord.collection;

it('finds an intact log of 10 records intact', async () => {
  expect(await verifyAuditLog()).toEqual({
    ok: true,
    checked: 10,
    firstBrokenAt: null,
    problem: null,
  });
});

it('breaks at a record whose reason was edited', async () => {
  await records().updateOne({ seq: 4 }, { $set: { reason: 'RULES_VIOLATION' } });
  expect(await verifyAuditLog()).toMatchObject({ ok: false, checked: 3, firstBrokenAt: 4 });
});

it('breaks at a record whose data was edited', async () => {
  await records().updateOne({ seq: 7 }, { $set: { 'data.amount': 1 } });
  expect(await verifyAuditLog()).toMatchObject({ ok: false, firstBrokenAt: 7 });
});

it('breaks at the next record when an edit was re-hashed to hide it', async () => {
  const doc = await AuditRecord.findOne({ seq: 5 }).lean();
  const { hashRecord } = await import('./auditHash');
  const forged = { ...doc!, actorId: 'someone-else' };
  await records().updateOne(
    { seq: 5 },
    { $set: { actorId: 'someone-else', hash: hashRecord(forged) } },
  );
  expect(await verifyAuditLog()).toMatchObject({ ok: false, firstBrokenAt: 6 });
});

it('breaks at a record deleted in the middle', async () => {
  await records().deleteOne({ seq: 6 });
  expect(await verifyAuditLog()).toMatchObject({ ok: false, checked: 5, firstBrokenAt: 6 });
});

it('breaks when the last records are deleted', async () => {
  await records().deleteMany({ seq: { $gte: 9 } });
  expect(await verifyAuditLog()).toMatchObject({ ok: false, checked: 8, firstBrokenAt: 9 });
});

it('keeps a deletion visible after later appends', async () => {
  await records().deleteOne({ seq: 10 });
  await appendAudit({ action: 'UNBAN', actorId: 'mod', targetId: 'm1', reason: 'appeal' });
  expect(await verifyAuditLog()).toMatchObject({ ok: false, firstBrokenAt: 10 });
});

import { z } from 'zod';
import { appendAudit } from '../audit';
import type { UtcDay } from '../core/day';
import { conflict, isDomainError, notFound } from '../core/errors';
import { insertFirst } from '../core/insertFirst';
import { limits } from '../core/limits';
import { fields, parseInput } from '../core/validate';
import { claimReversal, remainingOf } from './claimReversal';
import type { SignalCode } from './detectors/signal';
import { findAccrual, type Accrual } from '../accrual';
import { finishReversal } from './finishReversal';
import { FlagDecision, type FlagDecisionDoc } from './flagDecision.model';
import { FraudFlag, type FraudFlagDoc } from './fraudFlag.model';
import { Reversal, type ReversalDoc, type ReversalReason } from './reversal.model';

/**
 * SUPPORT decides a fraud flag: confirm (→ a reversal with origin DETECTOR of all that remains
 * of that member-day's accrual) or dismiss. The decision is an insert (flagDecision.model.ts):
 * the first one stands, a different later one is CONFLICT, and the same person repeating the
 * same decision carries it through (a retry after a crash). A blank note is BAD_USER_INPUT.
 *
 * Confirm's steps, keyed and resumable: decide; claim the reversal `flag:<flagId>` (its ledger
 * key is `reversal:flag:<flagId>`) and finish it (finishReversal.ts); append the audit record
 * (`flag:<flagId>`); mirror the decision on the flag. Refused, with nothing written, when the
 * member-day has no accrual or nothing of it remains (CONFLICT). The auto-reverse of the
 * detect-fraud job confirms the same way, as `system:detect-fraud`.
 */
const decideInput = z.object({ id: fields.id(), note: fields.text(limits.reasonLengthMax) });

async function findFlag(raw: unknown): Promise<{ flag: FraudFlagDoc; note: string }> {
  const { id, note } = parseInput(decideInput, raw);
  const flag = await FraudFlag.findById(id).lean<FraudFlagDoc>();
  if (!flag) throw notFound('Fraud flag');
  return { flag, note };
}

export async function confirmFraudFlag(actorId: string, raw: unknown): Promise<ReversalDoc> {
  const { flag, note } = await findFlag(raw);
  return confirmFlag(flag, actorId, note);
}

export async function dismissFraudFlag(actorId: string, raw: unknown): Promise<FraudFlagDoc> {
  const { flag, note } = await findFlag(raw);
  const decided = await completeDecision(flag, await decide(flag, 'DISMISSED', actorId, note));
  return decided.flag;
}

export async function confirmFlag(
  flag: FraudFlagDoc,
  actorId: string,
  note: string,
): Promise<ReversalDoc> {
  const accrual = await findAccrual(flag.memberId, flag.day as UtcDay);
  if (!accrual) throw conflict('This member-day has no accrual to reverse');
  if (
    !(await Reversal.exists({ _id: flagReversalId(flag) })) &&
    (await remainingOf(accrual)) <= 0
  ) {
    throw conflict('This accrual has been fully reversed already');
  }
  const decided = await completeDecision(flag, await decide(flag, 'CONFIRMED', actorId, note));
  if (!decided.reversal) throw conflict('This accrual has been fully reversed already');
  return decided.reversal;
}

async function decide(
  flag: FraudFlagDoc,
  status: FlagDecisionDoc['status'],
  by: string,
  note: string,
): Promise<FlagDecisionDoc> {
  const { doc, inserted } = await insertFirst(FlagDecision, {
    _id: flag._id,
    status,
    by,
    note,
    at: new Date(),
  });
  if (!inserted && (doc.by !== by || doc.status !== status)) {
    throw conflict('This fraud flag has been decided already');
  }
  return doc;
}

/** Everything after the decision (also the recovery pass's way in). */
export async function completeDecision(
  flag: FraudFlagDoc,
  decision: FlagDecisionDoc,
): Promise<{ flag: FraudFlagDoc; reversal: ReversalDoc | null }> {
  let reversal: ReversalDoc | null = null;
  if (decision.status === 'CONFIRMED') {
    const accrual = await findAccrual(flag.memberId, flag.day as UtcDay);
    reversal = accrual ? await reverseForFlag(flag, decision, accrual) : null;
  }
  await appendAudit({
    action: decision.status === 'CONFIRMED' ? 'FLAG_CONFIRM' : 'FLAG_DISMISS',
    actorId: decision.by,
    targetId: flag.memberId,
    note: decision.note,
    data: {
      flagId: flag._id,
      day: flag.day,
      confidence: flag.confidence,
      reversalId: reversal?._id ?? null,
    },
    key: `flag:${flag._id}`,
  });
  const mirror = {
    status: decision.status,
    decidedBy: decision.by,
    decidedAt: decision.at,
    note: decision.note,
    reversalId: reversal?._id ?? null,
  };
  await FraudFlag.updateOne({ _id: flag._id }, { $set: mirror });
  return { flag: { ...flag, ...mirror }, reversal };
}

/** The flag's reversal, or null when nothing of the accrual was left to take. */
async function reverseForFlag(
  flag: FraudFlagDoc,
  decision: FlagDecisionDoc,
  accrual: Accrual,
): Promise<ReversalDoc | null> {
  try {
    const reversal = await claimReversal(accrual, {
      _id: flagReversalId(flag),
      reason: reasonOf(flag),
      evidence: evidenceOf(flag, decision.note),
      origin: 'DETECTOR',
      actorId: decision.by,
      flagId: flag._id,
      amount: null,
    });
    return await finishReversal(reversal);
  } catch (error) {
    if (isDomainError(error) && error.code === 'CONFLICT') return null;
    throw error;
  }
}

/** The reversal that confirms a flag: at most one per flag, whoever confirms and however often. */
const flagReversalId = (flag: FraudFlagDoc) => `flag:${flag._id}`;

const reasonBySignal: Record<SignalCode, ReversalReason> = {
  VIEW_CONCENTRATION: 'FAKE_VIEWS',
  NEW_ACTORS: 'FAKE_VIEWS',
  BURST: 'FAKE_VIEWS',
  LIKE_RING: 'VOTE_RING',
  CROSS_SITE: 'SELF_PROMOTION',
  DEVOTED_AUDIENCE: 'FAKE_VIEWS',
  RECIPROCAL_HISTORY: 'VOTE_RING',
  FLAT_SURGE: 'FAKE_VIEWS',
};

/** The reason code of the strongest signal (signals are stored strongest first). */
const reasonOf = (flag: FraudFlagDoc): ReversalReason =>
  flag.signals[0] ? reasonBySignal[flag.signals[0].code] : 'RULES_VIOLATION';

function evidenceOf(flag: FraudFlagDoc, note: string): string {
  const signals = flag.signals.map((s) => `${s.code}: ${s.detail}`).join('; ');
  const text = `Fraud flag ${flag._id} (confidence ${flag.confidence}). ${signals}. Note: ${note}`;
  return text.slice(0, limits.evidenceLengthMax);
}

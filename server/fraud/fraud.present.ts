import type { FraudFlagDoc } from './fraudFlag.model';
import type { ReversalDoc } from './reversal.model';

/** What SUPPORT reads of a reversal, field by field (the chain bookkeeping stays inside). */
export const presentReversal = (reversal: ReversalDoc) => ({
  id: reversal._id,
  memberId: reversal.memberId,
  day: reversal.day,
  amount: reversal.amount,
  reason: reversal.reason,
  evidence: reversal.evidence,
  origin: reversal.origin,
  actorId: reversal.actorId,
  flagId: reversal.flagId,
  status: reversal.status,
  createdAt: reversal.createdAt,
  reinstatedBy: reversal.reinstatedBy,
  reinstatedAt: reversal.reinstatedAt,
  note: reversal.note,
});
export type ReversalView = ReturnType<typeof presentReversal>;

/** What SUPPORT reads of a fraud flag: signals with what was measured, not how it is weighed. */
export const presentFlag = (flag: FraudFlagDoc) => ({
  id: flag._id,
  memberId: flag.memberId,
  day: flag.day,
  confidence: flag.confidence,
  signals: flag.signals.map((signal) => ({
    code: signal.code,
    value: signal.value,
    detail: signal.detail,
  })),
  status: flag.status,
  createdAt: flag.createdAt,
  decidedBy: flag.decidedBy,
  decidedAt: flag.decidedAt,
  note: flag.note,
  reversalId: flag.reversalId,
});
export type FraudFlagView = ReturnType<typeof presentFlag>;

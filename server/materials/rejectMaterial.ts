import { z } from 'zod';
import { assert } from '../core/assert';
import { limits } from '../core/limits';
import { fields, parseInput } from '../core/validate';
import { decideMaterial } from './decideMaterial';
import { Material, type MaterialDoc } from './material.model';
import { recordReview } from './recordReview';
import { findReviewable, notReviewable } from './reviewable';

/**
 * An EDITOR rejects a PENDING material with a reason (blank is BAD_USER_INPUT). The rejection is
 * the material's decision insert: a publish, a sweep or another rejection racing on the same
 * material cannot also win, and the loser answers CONFLICT. A rejection that beats the
 * publication of its own claim makes that claim dead (settleGroup.ts). A retry after success
 * answers CONFLICT, as for any decided material.
 */
const rejectInput = z.object({
  id: fields.id(),
  reason: fields.text(limits.reasonLengthMax),
});

export async function rejectMaterial(
  reviewerId: string,
  rawArgs: { id: unknown; reason: unknown },
): Promise<MaterialDoc> {
  const { id, reason } = parseInput(rejectInput, rawArgs);
  await findReviewable(id);
  const { decision, decidedHere } = await decideMaterial({
    _id: id,
    status: 'REJECTED',
    reviewedBy: reviewerId,
    reviewedAt: new Date(),
    rejectionReason: reason,
  });
  if (!decidedHere) throw notReviewable(decision.status);
  await recordReview({ action: 'REJECT', materialId: id, reviewerId, reason });
  const rejected = await Material.findById(id).lean<MaterialDoc>();
  assert(rejected?.status === 'REJECTED', 'a rejection decided here is applied');
  return rejected;
}

import { Material } from './material.model';
import { MaterialDecision, type MaterialDecisionDoc } from './materialDecision.model';
import { insertFirst } from '../core/insertFirst';

/**
 * Decides a material's final status, unless it is decided already, and brings the material's
 * cached status up to date with the decision that stands. Two steps, both safe to repeat:
 * 1. insert the decision (the first one wins, forever);
 * 2. copy it onto the material. Every writer copies the same standing decision, so writers that
 *    race (FerretDB writes whole documents back) still leave the same content; a crash between
 *    the steps leaves a stale PENDING cache that the next decide of this material repairs (any
 *    review attempt, a publish or sweep in its group).
 */
export async function decideMaterial(
  decision: MaterialDecisionDoc,
): Promise<{ decision: MaterialDecisionDoc; decidedHere: boolean }> {
  const { doc: standing, inserted } = await insertFirst(MaterialDecision, decision);
  await applyDecision(standing);
  return { decision: standing, decidedHere: inserted };
}

export async function applyDecision(decision: MaterialDecisionDoc): Promise<void> {
  await Material.updateOne(
    { _id: decision._id },
    {
      $set: {
        status: decision.status,
        reviewedBy: decision.reviewedBy,
        reviewedAt: decision.reviewedAt,
        rejectionReason: decision.rejectionReason,
        updatedAt: decision.reviewedAt,
      },
    },
  );
}

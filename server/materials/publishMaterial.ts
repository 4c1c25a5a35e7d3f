import { z } from 'zod';
import { assert } from '../core/assert';
import { conflict } from '../core/errors';
import { limits } from '../core/limits';
import { fields, parseInput } from '../core/validate';
import { claimId, PublicationClaim } from './duplicateGroup.model';
import { insertFirst } from '../core/insertFirst';
import { Material, type MaterialDoc } from './material.model';
import { MaterialDecision } from './materialDecision.model';
import { recordReview } from './recordReview';
import { findReviewable, notReviewable } from './reviewable';
import { settleGroup } from './settleGroup';

/**
 * An EDITOR publishes a PENDING material; the other PENDING members of its duplicate group
 * become DUPLICATE (R8). Two editors publishing two members of one group at the same moment end
 * with exactly one PUBLISHED: both try to insert the same next claim `<group>:<n>`, one insert
 * fails, and settleGroup.ts (which also explains the steps and crashes) completes the winner.
 *
 * Each pass: settle the group. If it has a publication, the answer is PUBLISHED when it is this
 * material claimed by this editor (a retry after a crash resumes the editor's own claim), else
 * CONFLICT. If not, claim it for this material, unless the material was decided meanwhile (a
 * racing rejection: CONFLICT), and settle again. A pass ends the call or adds a claim, and a
 * claim either publishes or belongs to a rejected material, so the loop stops well within its
 * bound.
 */
const publishInput = z.object({ id: fields.id() });

export async function publishMaterial(reviewerId: string, rawId: unknown): Promise<MaterialDoc> {
  const { id } = parseInput(publishInput, { id: rawId });
  const { duplicateGroup: groupId } = await findReviewable(id);
  for (let attempt = 0; attempt < limits.retryAttemptsMax; attempt++) {
    const { winner, nextClaim } = await settleGroup(groupId);
    if (winner) {
      if (winner.materialId !== id || winner.claimedBy !== reviewerId) {
        throw conflict(
          'This material or another of its duplicate group has already been published',
        );
      }
      const published = await Material.findById(id).lean<MaterialDoc>();
      assert(published?.status === 'PUBLISHED', 'a settled claim publishes its claimant');
      await recordReview({ action: 'PUBLISH', materialId: id, reviewerId, reason: null });
      return published;
    }
    const decided = await MaterialDecision.findById(id, { status: 1 }).lean();
    if (decided) throw notReviewable(decided.status);
    await insertFirst(PublicationClaim, {
      _id: claimId(groupId, nextClaim),
      groupId,
      n: nextClaim,
      materialId: id,
      claimedBy: reviewerId,
      claimedAt: new Date(),
    });
  }
  assert(false, `publishing ${id} did not settle within ${limits.retryAttemptsMax} passes`);
}

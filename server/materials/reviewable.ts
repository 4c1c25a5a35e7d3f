import { assert } from '../core/assert';
import { conflict, notFound } from '../core/errors';
import { applyDecision } from './decideMaterial';
import { Material, type MaterialDoc } from './material.model';
import { MaterialDecision, type MaterialDecisionDoc } from './materialDecision.model';
import { settleGroup } from './settleGroup';

/**
 * Loads a material an editor wants to review: unknown is NOT_FOUND; a decided one is CONFLICT
 * (only PENDING materials can be reviewed). Before answering CONFLICT it repairs what a crash
 * may have left: the material's cached status, and its group's publication.
 */
export async function findReviewable(id: string): Promise<MaterialDoc> {
  const material = await Material.findById(id).lean<MaterialDoc>();
  if (!material) throw notFound('Material');
  // Read after the material: a decision is inserted before it is copied onto the material.
  const decision = await MaterialDecision.findById(id).lean<MaterialDecisionDoc>();
  if (!decision) {
    assert(material.status === 'PENDING', `material ${id} has a status but no decision`);
    return material;
  }
  await applyDecision(decision);
  await settleGroup(material.duplicateGroup);
  throw notReviewable(decision.status);
}

export const notReviewable = (status: string) =>
  conflict(`This material is ${status}; only PENDING materials can be reviewed`);

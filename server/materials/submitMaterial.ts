import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { assert } from '../core/assert';
import { badInput } from '../core/errors';
import { limits } from '../core/limits';
import { fields, parseInput } from '../core/validate';
import { siteExists } from '../sites';
import { assignDuplicateGroup } from './assignDuplicateGroup';
import { duplicateKeys } from './duplicateKey';
import { Material, type MaterialDoc } from './material.model';
import { settleGroup } from './settleGroup';

/**
 * A MEMBER submits a material; it starts PENDING in its duplicate group (R8).
 *
 * Steps, none inside a transaction:
 * 1. validate every field (BAD_USER_INPUT naming it), check the site exists, then spend the
 *    member's `submit` quota (Redis; SERVICE_UNAVAILABLE without it). Nothing is written before.
 * 2. assign the duplicate group (assignDuplicateGroup.ts: key upserts, then the group document);
 * 3. insert the material PENDING;
 * 4. settle the group. If a member of the group was published while this submission ran (or
 *    before it), this material becomes DUPLICATE here: either the publisher's sweep read the
 *    group after step 3 and caught it, or this settle reads the publication and sweeps. A late submission of something
 *    already published is therefore answered as DUPLICATE instead of queuing work no editor can
 *    do (a group publishes once).
 *
 * Not keyed: submitting twice makes two candidates in the same group, and the editor keeps
 * one. A crash after step 2 leaves keys and a group without this material: harmless (see
 * assignDuplicateGroup.ts); a crash after step 3 leaves a PENDING material that the next settle of
 * its group (any review in that group) brings to its right status.
 */
const httpUrl = z
  .string()
  .trim()
  .min(1, 'must not be blank')
  .max(limits.urlLengthMax, `must be at most ${limits.urlLengthMax} characters`)
  .refine(isHttpUrl, 'must be an absolute http or https URL');

function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}

export const submitMaterialInput = z.object({
  siteId: fields.id(),
  title: fields.text(limits.titleLengthMax),
  url: httpUrl,
  category: z
    .string()
    .trim()
    .max(limits.categoryLengthMax, `must be at most ${limits.categoryLengthMax} characters`)
    .nullish()
    .transform((value) => value ?? ''),
});

export async function submitMaterial(
  authorId: string,
  rawInput: unknown,
  spendSubmitQuota: () => Promise<void>,
): Promise<MaterialDoc> {
  const input = parseInput(submitMaterialInput, rawInput);
  if (!(await siteExists(input.siteId))) throw badInput('siteId', 'is not a site of the network');
  await spendSubmitQuota();

  const now = new Date();
  const keys = duplicateKeys(input.url, input.title);
  const group = await assignDuplicateGroup(keys, now);
  const id = randomUUID();
  await Material.create({
    _id: id,
    ...input,
    authorId,
    status: 'PENDING',
    duplicateGroup: group._id,
    ...keys,
    createdAt: now,
    updatedAt: now,
    reviewedBy: null,
    reviewedAt: null,
    rejectionReason: null,
  });
  await settleGroup(group._id);
  const material = await Material.findById(id).lean<MaterialDoc>();
  assert(material, 'the material was just inserted');
  return material;
}

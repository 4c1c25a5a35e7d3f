import { randomUUID } from 'node:crypto';
import { DuplicateGroup, DuplicateKey, type DuplicateGroupDoc } from './duplicateGroup.model';
import { fingerprintKeyId, urlKeyId, type DuplicateKeys } from './duplicateKey';
import { insertFirst } from '../core/insertFirst';

/**
 * Chooses the duplicate group of a new submission from its keys (duplicateKey.ts), race-safe
 * without a transaction: each key is a document with a unique `_id`, inserted naming a group;
 * the first insert wins and concurrent submissions sharing a key read back its group.
 *
 * 1. The fingerprint key (when there is one) is claimed for a fresh group id -> fpGroup.
 * 2. The URL key is claimed for fpGroup (or a fresh id) -> urlGroup. The material joins urlGroup.
 * 3. If both keys existed already and name two different groups (one founded by this URL, the
 *    other by this fingerprint), the URL's group wins, deterministically: the URL is the stronger
 *    evidence. Groups are never merged, since a merge would move materials an editor may be
 *    reviewing; the fingerprint key keeps naming its own group.
 * 4. If step 1 founded the fingerprint key but step 2 found the URL already grouped, the
 *    fingerprint key is re-pointed to the URL's group, so later submissions with that fingerprint
 *    join the right group. Only the key's founder ever updates it (no other writer races it).
 *
 * So two submissions at the same instant with the same URL (any titles), or with the same
 * fingerprint (different URLs), end in one group. Only a rarer three-way race (e.g. a third
 * submission sharing the fresh fingerprint between steps 1 and 4) can leave a material in a
 * group of its own, which an editor still sees in the queue. A crash between steps leaves at
 * most keys naming a group without materials: the next submission with such a key joins it.
 */
export async function assignDuplicateGroup(
  keys: DuplicateKeys,
  now: Date,
): Promise<DuplicateGroupDoc> {
  const fresh = randomUUID();
  const claimKey = async (_id: string, groupId: string) =>
    (await insertFirst(DuplicateKey, { _id, groupId, createdAt: now })).doc.groupId;

  const fpGroup = keys.fingerprint
    ? await claimKey(fingerprintKeyId(keys.fingerprint), fresh)
    : fresh;
  const urlGroup = await claimKey(urlKeyId(keys.urlKey), fpGroup);
  if (keys.fingerprint && fpGroup === fresh && urlGroup !== fresh) {
    await DuplicateKey.updateOne(
      { _id: fingerprintKeyId(keys.fingerprint), groupId: fresh },
      { $set: { groupId: urlGroup } },
    );
  }
  return (await insertFirst(DuplicateGroup, { _id: urlGroup, firstSubmittedAt: now })).doc;
}

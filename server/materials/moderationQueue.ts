import { z } from 'zod';
import { findPage, type Page, type PageArgs } from '../core/page';
import { fields, parseInput } from '../core/validate';
import { DuplicateGroup, type DuplicateGroupDoc } from './duplicateGroup.model';
import { Material, type MaterialDoc } from './material.model';
import { presentDuplicateGroup, type DuplicateGroupView } from './materials.present';

/**
 * The editors' queue: PENDING materials grouped by duplicate group, the group submitted first
 * comes first. Every PENDING material is in exactly one group (its `duplicateGroup`); a material
 * without duplicates is a group of one.
 *
 * With `siteId`, a group is listed when at least one of its PENDING materials was submitted to
 * that site, and it still shows all its PENDING materials, from every site: the editor picks the
 * best of the whole group, and publishing marks the others DUPLICATE wherever they were sent.
 *
 * The set of groups with pending work comes from one `distinct` over PENDING materials: the
 * queue is bounded by the submit quota and editors' pace, not by the size of the catalogue.
 * Pages are keyset slices of those groups by (firstSubmittedAt, id).
 */
const queueFilter = z.object({ siteId: fields.id().nullish() });

export async function moderationQueue(
  args: PageArgs & { siteId?: unknown },
): Promise<Page<DuplicateGroupView>> {
  const { siteId } = parseInput(queueFilter, { siteId: args.siteId });
  const pendingGroups: string[] = await Material.distinct(
    'duplicateGroup',
    siteId ? { status: 'PENDING', siteId } : { status: 'PENDING' },
  );
  const page = await findPage({
    model: DuplicateGroup,
    filter: { _id: { $in: pendingGroups } },
    sortField: 'firstSubmittedAt',
    direction: 'asc',
    args,
    present: (group: DuplicateGroupDoc) => group,
  });
  const materials = await Material.find({
    duplicateGroup: { $in: page.nodes.map((group) => group._id) },
    status: 'PENDING',
  })
    .sort({ createdAt: 1, _id: 1 })
    .lean<MaterialDoc[]>();
  const byGroup = new Map<string, MaterialDoc[]>();
  for (const material of materials) {
    const members = byGroup.get(material.duplicateGroup) ?? [];
    members.push(material);
    byGroup.set(material.duplicateGroup, members);
  }
  return {
    // A group reviewed between the two reads has nothing left to show.
    nodes: page.nodes
      .filter((group) => byGroup.has(group._id))
      .map((group) => presentDuplicateGroup(group, byGroup.get(group._id) ?? [])),
    pageInfo: page.pageInfo,
  };
}

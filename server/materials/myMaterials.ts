import { findPage, type Page, type PageArgs } from '../core/page';
import { Material, type MaterialDoc, type MaterialStatus } from './material.model';
import { presentMaterial, type MaterialView } from './materials.present';

/** A member's own materials, newest first, optionally of one status. Never anyone else's. */
export async function myMaterials(
  authorId: string,
  args: PageArgs & { status?: MaterialStatus | null },
): Promise<Page<MaterialView>> {
  return findPage({
    model: Material,
    filter: args.status ? { authorId, status: args.status } : { authorId },
    sortField: 'createdAt',
    direction: 'desc',
    args,
    present: (doc: MaterialDoc) => presentMaterial(doc),
  });
}

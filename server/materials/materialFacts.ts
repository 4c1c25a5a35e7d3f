import { Material, type MaterialStatus } from './material.model';

/**
 * What activity ingestion needs to know about materials: status and author, for a whole batch
 * in at most one query. PUBLISHED is final (nothing unpublishes a material) and an author never
 * changes, so published materials' facts are remembered in this process (bounded); any other
 * status is read every time, since it can still change. If unpublishing is ever added, this
 * memo must go with it.
 */
export interface MaterialFacts {
  status: MaterialStatus;
  authorId: string;
}

const publishedMax = 100_000;
const published = new Map<string, MaterialFacts>();

export async function materialFacts(ids: string[]): Promise<Map<string, MaterialFacts>> {
  const facts = new Map<string, MaterialFacts>();
  const unknown = ids.filter((id) => {
    const known = published.get(id);
    if (known) facts.set(id, known);
    return !known;
  });
  if (unknown.length === 0) return facts;
  const docs = await Material.find({ _id: { $in: unknown } }, { status: 1, authorId: 1 }).lean();
  for (const doc of docs) {
    const fact = { status: doc.status, authorId: doc.authorId };
    facts.set(doc._id, fact);
    if (fact.status !== 'PUBLISHED') continue;
    if (published.size >= publishedMax) published.clear();
    published.set(doc._id, fact);
  }
  return facts;
}

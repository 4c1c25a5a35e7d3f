/**
 * Proves moderation over real HTTP: the queue lists every PENDING material in exactly one
 * duplicate group, the group submitted first comes first, pages walk each group once, and the
 * site filter keeps a group's candidates from every site; only editors review (FORBIDDEN for a
 * member, before any argument check); publishing marks the rest of the group DUPLICATE; only
 * PENDING materials are reviewable (CONFLICT), unknown ones are NOT_FOUND, a blank reason is
 * BAD_USER_INPUT; a publication claim left by a crash is completed, or released if its material
 * was rejected; myMaterials shows a member their own materials only.
 */
import mongoose from 'mongoose';
import { codeOf, startTestApi, type TestApi } from '../../test/support/harness';
import { claimId, PublicationClaim } from './duplicateGroup.model';
import { MaterialDecision } from './materialDecision.model';

let api: TestApi;
type Gql = Awaited<ReturnType<TestApi['as']>>;
let editor: Gql;
let member: Gql;

beforeAll(async () => {
  api = await startTestApi({ RATE_SUBMIT_PER_MIN: '1000' }, 'moderation');
  const admin = await api.as({ sub: 'admin', roles: ['ADMIN'] });
  for (const id of ['news', 'forum']) {
    await admin(
      `mutation { upsertSite(input: { id: "${id}", name: "${id}", domain: "${id}.example" }) { id } }`,
    );
  }
  editor = await api.as({ sub: 'ed', roles: ['EDITOR'] });
  member = await api.as({ sub: 'mia' });
});
afterAll(() => api.close());

interface MaterialOut {
  id: string;
  status: string;
  duplicateGroup: string;
  siteId: string;
  reviewedBy: string | null;
  rejectionReason: string | null;
}
const fields = 'id status duplicateGroup siteId reviewedBy rejectionReason';
const submitAs = async (sub: string, siteId: string, url: string, title = 'Some title') => {
  const as = await api.as({ sub });
  const res = await as<{ submitMaterial: MaterialOut }>(
    `mutation($input: SubmitMaterialInput!) { submitMaterial(input: $input) { ${fields} } }`,
    { input: { siteId, title, url, category: 'news' } },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.submitMaterial;
};
const publish = (as: Gql, id: string) =>
  as<{ publishMaterial: MaterialOut }>(
    `mutation($id: ID!) { publishMaterial(id: $id) { ${fields} } }`,
    { id },
  );
const reject = (as: Gql, id: string, reason: string) =>
  as<{ rejectMaterial: MaterialOut }>(
    `mutation($id: ID!, $reason: String!) { rejectMaterial(id: $id, reason: $reason) { ${fields} } }`,
    { id, reason },
  );
type QueuePage = {
  moderationQueue: {
    nodes: { id: string; materials: { id: string; siteId: string }[] }[];
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
  };
};
const queue = (vars: Record<string, unknown> = {}) =>
  editor<QueuePage>(
    `query($siteId: ID, $first: Int, $after: String) {
      moderationQueue(siteId: $siteId, first: $first, after: $after) {
        nodes { id firstSubmittedAt materials { id siteId authorId title url createdAt } }
        pageInfo { endCursor hasNextPage }
      }
    }`,
    vars,
  );
const statusOf = async (id: string) =>
  (await mongoose.connection.db!.collection('materials').findOne({ _id: id as never }))?.status;

describe('queue', () => {
  it('lists every pending material in one group, oldest group first, page by page', async () => {
    const a1 = await submitAs('ann', 'news', 'https://q.example/a');
    const b1 = await submitAs('ben', 'news', 'https://q.example/b');
    const a2 = await submitAs('cid', 'forum', 'https://www.q.example/a/');
    const c1 = await submitAs('dot', 'forum', 'https://q.example/c');

    const seen: QueuePage['moderationQueue']['nodes'] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const res: { data?: QueuePage | null } = await queue({ first: 2, after });
      seen.push(...res.data!.moderationQueue.nodes);
      if (!res.data!.moderationQueue.pageInfo.hasNextPage) break;
      after = res.data!.moderationQueue.pageInfo.endCursor;
    }
    expect(seen.map((g) => g.materials.map((m) => m.id))).toEqual([
      [a1.id, a2.id],
      [b1.id],
      [c1.id],
    ]);
    expect(seen.map((g) => g.id)).toEqual([
      a1.duplicateGroup,
      b1.duplicateGroup,
      c1.duplicateGroup,
    ]);

    const forum = await queue({ siteId: 'forum' });
    expect(forum.data!.moderationQueue.nodes.map((g) => g.materials.map((m) => m.siteId))).toEqual([
      ['news', 'forum'],
      ['forum'],
    ]);

    await publish(editor, b1.id);
    await reject(editor, c1.id, 'Off topic');
    const after2 = await queue();
    expect(after2.data!.moderationQueue.nodes.map((g) => g.id)).toEqual([a1.duplicateGroup]);
    await reject(editor, a1.id, 'Not the best');
    await reject(editor, a2.id, 'Not the best either');
    expect((await queue()).data!.moderationQueue.nodes).toEqual([]);
  });

  it('refuses first out of range', async () => {
    const res = await queue({ first: 101 });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.field).toBe('first');
  });
});

describe('reviews', () => {
  it('is for editors only, whatever the arguments', async () => {
    const mine = await submitAs('mia', 'news', 'https://r.example/mine');
    expect(codeOf(await publish(member, mine.id))).toBe('FORBIDDEN');
    expect(codeOf(await reject(member, mine.id, ''))).toBe('FORBIDDEN');
    expect(codeOf(await member('{ moderationQueue { nodes { id } } }'))).toBe('FORBIDDEN');
    expect(await statusOf(mine.id)).toBe('PENDING');
  });

  it('publishes one of a group, marks the rest DUPLICATE, and reviews only PENDING', async () => {
    const x = await submitAs('xena', 'news', 'https://r.example/story');
    const y = await submitAs('yuri', 'forum', 'http://r.example/story?utm_medium=rss');
    const z = await submitAs('zoe', 'news', 'https://r.example/story#comments');
    const published = await publish(editor, y.id);
    expect(published.data?.publishMaterial).toMatchObject({
      id: y.id,
      status: 'PUBLISHED',
      reviewedBy: 'ed',
    });
    expect([await statusOf(x.id), await statusOf(z.id)]).toEqual(['DUPLICATE', 'DUPLICATE']);

    expect(codeOf(await publish(editor, y.id))).toBe('CONFLICT');
    expect(codeOf(await publish(editor, x.id))).toBe('CONFLICT');
    expect(codeOf(await reject(editor, y.id, 'changed my mind'))).toBe('CONFLICT');
    expect(await statusOf(y.id)).toBe('PUBLISHED');
  });

  it('rejects with a reason, after which the material is not reviewable', async () => {
    const r = await submitAs('rita', 'news', 'https://r.example/rejected');
    const blank = await reject(editor, r.id, '   ');
    expect(codeOf(blank)).toBe('BAD_USER_INPUT');
    expect(blank.errors?.[0]?.extensions?.field).toBe('reason');
    const rejected = await reject(editor, r.id, 'Plagiarised');
    expect(rejected.data?.rejectMaterial).toMatchObject({
      status: 'REJECTED',
      rejectionReason: 'Plagiarised',
      reviewedBy: 'ed',
    });
    expect(codeOf(await publish(editor, r.id))).toBe('CONFLICT');
    expect(codeOf(await reject(editor, r.id, 'again'))).toBe('CONFLICT');
  });

  it('answers NOT_FOUND for an unknown material', async () => {
    expect(codeOf(await publish(editor, 'no-such-material'))).toBe('NOT_FOUND');
    expect(codeOf(await reject(editor, 'no-such-material', 'why'))).toBe('NOT_FOUND');
  });

  it('completes a publication claim that a crash left behind', async () => {
    const first = await submitAs('amy', 'news', 'https://crash.example/one');
    const second = await submitAs('bo', 'news', 'https://crash.example/one/');
    // The state after a crash between "claim the group" and "decide the claimant PUBLISHED".
    await claim(first, 1);
    expect(codeOf(await publish(editor, second.id))).toBe('CONFLICT');
    expect([await statusOf(first.id), await statusOf(second.id)]).toEqual([
      'PUBLISHED',
      'DUPLICATE',
    ]);
  });

  it('releases a claim whose material was rejected before it was published', async () => {
    const lost = await submitAs('cy', 'news', 'https://crash.example/two');
    const other = await submitAs('di', 'forum', 'https://crash.example/two');
    await claim(lost, 1);
    await reject(editor, lost.id, 'Worse copy');
    const res = await publish(editor, other.id);
    expect(res.data?.publishMaterial.status).toBe('PUBLISHED');
    expect(await statusOf(lost.id)).toBe('REJECTED');
  });

  it('repairs a status that a crash left behind its decision', async () => {
    const stale = await submitAs('eve', 'news', 'https://crash.example/three');
    await MaterialDecision.create({
      _id: stale.id,
      status: 'REJECTED',
      reviewedBy: 'ed2',
      reviewedAt: new Date(),
      rejectionReason: 'Spam',
    });
    expect(await statusOf(stale.id)).toBe('PENDING');
    expect(codeOf(await publish(editor, stale.id))).toBe('CONFLICT');
    expect(await statusOf(stale.id)).toBe('REJECTED');
  });
});

const claim = (material: MaterialOut, n: number) =>
  PublicationClaim.create({
    _id: claimId(material.duplicateGroup, n),
    groupId: material.duplicateGroup,
    n,
    materialId: material.id,
    claimedBy: 'ed2',
    claimedAt: new Date(),
  });

describe('myMaterials', () => {
  it('shows a member their own materials only, newest first, by status', async () => {
    const own1 = await submitAs('owner', 'news', 'https://mine.example/1');
    const own2 = await submitAs('owner', 'forum', 'https://mine.example/2');
    await submitAs('stranger', 'news', 'https://mine.example/3');
    await reject(editor, own1.id, 'No');
    const owner = await api.as({ sub: 'owner' });
    const query = `query($status: MaterialStatus) { myMaterials(status: $status, first: 10) { nodes { id status } } }`;
    const all = await owner<{ myMaterials: { nodes: { id: string; status: string }[] } }>(query);
    expect(all.data?.myMaterials.nodes).toEqual([
      { id: own2.id, status: 'PENDING' },
      { id: own1.id, status: 'REJECTED' },
    ]);
    const rejected = await owner<{ myMaterials: { nodes: { id: string }[] } }>(query, {
      status: 'REJECTED',
    });
    expect(rejected.data?.myMaterials.nodes.map((n) => n.id)).toEqual([own1.id]);
  });
});

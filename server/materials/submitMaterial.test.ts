/**
 * Proves submitMaterial over real HTTP: every bad field is BAD_USER_INPUT naming that field and
 * writes nothing (no material, key or group); a valid submission is PENDING; materials with the
 * same normalised URL or the same fingerprint land in one duplicate group across members and
 * sites, also when submitted at the same instant; a submission of something already published
 * is answered DUPLICATE.
 */
import mongoose from 'mongoose';
import { codeOf, startTestApi, type TestApi } from '../../test/support/harness';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ RATE_SUBMIT_PER_MIN: '1000' }, 'submit');
  const admin = await api.as({ sub: 'admin', roles: ['ADMIN'] });
  for (const id of ['news', 'forum']) {
    await admin(
      `mutation { upsertSite(input: { id: "${id}", name: "${id}", domain: "${id}.example" }) { id } }`,
    );
  }
});
afterAll(() => api.close());

const submit = `mutation($input: SubmitMaterialInput!) {
  submitMaterial(input: $input) { id siteId authorId title url category status duplicateGroup createdAt reviewedBy }
}`;
type Submitted = { submitMaterial: { id: string; status: string; duplicateGroup: string } };
const valid = {
  siteId: 'news',
  title: 'A guide',
  url: 'https://news.example/guide',
  category: 'guides',
};
const count = (collection: string) =>
  mongoose.connection.db!.collection(collection).countDocuments();

describe('validation', () => {
  const bad: [string, string, Record<string, unknown>][] = [
    ['siteId', 'an unknown site', { siteId: 'nowhere' }],
    ['siteId', 'a blank site', { siteId: '  ' }],
    ['siteId', 'no site', { siteId: null }],
    ['title', 'a blank title', { title: '   ' }],
    ['title', 'a 201-character title', { title: 'x'.repeat(201) }],
    ['title', 'no title', { title: null }],
    ['url', 'a javascript: URL', { url: 'javascript:alert(1)' }],
    ['url', 'a data: URL', { url: 'data:text/html,hi' }],
    ['url', 'an ftp URL', { url: 'ftp://news.example/file' }],
    ['url', 'a relative URL', { url: '/relative/path' }],
    ['url', 'not a URL', { url: 'not a url' }],
    ['url', 'an over-long URL', { url: `https://news.example/${'x'.repeat(2048)}` }],
    ['category', 'a 51-character category', { category: 'c'.repeat(51) }],
  ];
  it.each(bad)('names %s for %s and writes nothing', async (field, _label, change) => {
    const member = await api.as({ sub: 'validator' });
    const res = await member(submit, { input: { ...valid, ...change } });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.field).toBe(field);
    expect(await count('materials')).toBe(0);
    expect(await count('duplicateKeys')).toBe(0);
    expect(await count('duplicateGroups')).toBe(0);
  });

  it('accepts a 200-character title after trimming, a foreign host and no category', async () => {
    const member = await api.as({ sub: 'validator', name: 'Val' });
    const title = `  ${'t'.repeat(200)}  `;
    const url = 'http://elsewhere.example/long';
    const res = await member<Submitted>(submit, { input: { siteId: 'forum', title, url } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.submitMaterial).toMatchObject({
      siteId: 'forum',
      authorId: 'validator',
      title: 't'.repeat(200),
      url,
      category: '',
      status: 'PENDING',
      reviewedBy: null,
    });
  });

  it('refuses a site token and an anonymous caller before reading the input', async () => {
    const site = await api.as({ sub: 'bot', roles: ['SITE'], site: 'news' });
    expect(codeOf(await site(submit, { input: { title: '' } }))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(submit, { input: { title: '' } }))).toBe('UNAUTHENTICATED');
  });
});

describe('duplicate groups', () => {
  it('groups the same normalised URL across two members and two sites', async () => {
    const alice = await api.as({ sub: 'alice' });
    const bob = await api.as({ sub: 'bob' });
    const a = await alice<Submitted>(submit, {
      input: {
        ...valid,
        title: 'Best builds',
        url: 'https://www.Builds.example/elden/?utm_source=tw',
      },
    });
    const b = await bob<Submitted>(submit, {
      input: {
        ...valid,
        siteId: 'forum',
        title: 'My favourite builds',
        url: 'http://builds.example/elden#top',
      },
    });
    const other = await bob<Submitted>(submit, {
      input: { ...valid, title: 'Best builds', url: 'https://builds.example/elden-2' },
    });
    expect(a.data?.submitMaterial.status).toBe('PENDING');
    expect(b.data?.submitMaterial.status).toBe('PENDING');
    expect(b.data?.submitMaterial.duplicateGroup).toBe(a.data?.submitMaterial.duplicateGroup);
    expect(other.data?.submitMaterial.duplicateGroup).not.toBe(
      a.data?.submitMaterial.duplicateGroup,
    );
  });

  it('groups the same fingerprint (title and path) under another host', async () => {
    const carol = await api.as({ sub: 'carol' });
    const dave = await api.as({ sub: 'dave' });
    const c = await carol<Submitted>(submit, {
      input: { ...valid, title: 'Speedrun routes', url: 'https://speed.example/routes/any' },
    });
    const d = await dave<Submitted>(submit, {
      input: {
        ...valid,
        siteId: 'forum',
        title: 'SPEEDRUN ROUTES!',
        url: 'https://m.speed.example/routes/any',
      },
    });
    expect(d.data?.submitMaterial.duplicateGroup).toBe(c.data?.submitMaterial.duplicateGroup);
  });

  it('puts simultaneous submissions of one URL, and of one fingerprint, in one group', async () => {
    const members = await Promise.all(
      ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'].map((sub) => api.as({ sub })),
    );
    const sameUrl = await Promise.all(
      members.map((member, i) =>
        member<Submitted>(submit, {
          input: { ...valid, title: `Take ${i}`, url: `https://race.example/one?utm_id=${i}` },
        }),
      ),
    );
    expect(new Set(sameUrl.map((r) => r.data?.submitMaterial.duplicateGroup)).size).toBe(1);

    const sameFingerprint = await Promise.all(
      members.map((member, i) =>
        member<Submitted>(submit, {
          input: { ...valid, title: 'Race notes', url: `https://mirror${i}.example/race/notes` },
        }),
      ),
    );
    expect(new Set(sameFingerprint.map((r) => r.data?.submitMaterial.duplicateGroup)).size).toBe(1);
  });

  it('answers DUPLICATE for a submission of something already published', async () => {
    const erin = await api.as({ sub: 'erin' });
    const editor = await api.as({ sub: 'ed', roles: ['EDITOR'] });
    const first = await erin<Submitted>(submit, {
      input: { ...valid, url: 'https://late.example/x' },
    });
    await editor('mutation($id: ID!) { publishMaterial(id: $id) { status } }', {
      id: first.data?.submitMaterial.id,
    });
    const late = await (
      await api.as({ sub: 'frank' })
    )<Submitted>(submit, {
      input: { ...valid, url: 'https://www.late.example/x/' },
    });
    expect(late.data?.submitMaterial).toMatchObject({
      status: 'DUPLICATE',
      duplicateGroup: first.data?.submitMaterial.duplicateGroup,
    });
  });
});

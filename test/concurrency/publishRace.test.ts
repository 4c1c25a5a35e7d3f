/**
 * Proves R8 under concurrency (the lost-update bug it guards against: two editors each reading
 * "nothing published yet" and both publishing): two editors publishing two members of one
 * duplicate group at the same moment end with exactly one PUBLISHED and the other DUPLICATE,
 * one success and one CONFLICT; three editors on three members likewise; and a publish racing a
 * reject of the same material ends with exactly one of them applied. Real calls over HTTP,
 * raced with Promise.allSettled, repeated over several groups.
 */
import mongoose from 'mongoose';
import { codeOf, startTestApi, type TestApi } from '../support/harness';
import { submitAs, upsertSites } from '../support/network';

let api: TestApi;
type Gql = Awaited<ReturnType<TestApi['as']>>;
let editors: Gql[];

beforeAll(async () => {
  api = await startTestApi({ RATE_SUBMIT_PER_MIN: '1000' }, 'publishrace');
  await upsertSites(api, ['news']);
  editors = await Promise.all(
    ['ed1', 'ed2', 'ed3'].map((sub) => api.as({ sub, roles: ['EDITOR'] })),
  );
});
afterAll(() => api.close());

const submitGroup = async (url: string, size: number): Promise<string[]> => {
  const ids: string[] = [];
  for (let i = 0; i < size; i++) {
    ids.push(
      await submitAs(api, `author${i}`, {
        title: `${url} take ${i}`,
        url: `${url}?utm_source=${i}`,
      }),
    );
  }
  return ids;
};
const publish = (as: Gql, id: string) =>
  as('mutation($id: ID!) { publishMaterial(id: $id) { id status } }', { id });
const statuses = async (ids: string[]) => {
  const docs = await mongoose.connection
    .db!.collection('materials')
    .find({ _id: { $in: ids as never[] } })
    .toArray();
  return ids.map((id) => docs.find((d) => d._id === (id as never))?.status);
};
const outcome = (settled: PromiseSettledResult<Awaited<ReturnType<Gql>>>[]) =>
  settled.map((s) => (s.status === 'fulfilled' ? (codeOf(s.value) ?? 'OK') : 'THREW')).sort();

it.each([2, 3])('publishes exactly one of %i members raced by as many editors', async (size) => {
  for (let round = 0; round < 5; round++) {
    const ids = await submitGroup(`https://race${size}.example/${round}`, size);
    const settled = await Promise.allSettled(ids.map((id, i) => publish(editors[i]!, id)));
    expect(outcome(settled)).toEqual(['OK', ...Array(size - 1).fill('CONFLICT')].sort());
    const after = await statuses(ids);
    expect(after.filter((s) => s === 'PUBLISHED')).toHaveLength(1);
    expect(after.filter((s) => s === 'DUPLICATE')).toHaveLength(size - 1);
  }
});

it('applies exactly one of a publish and a reject racing on one material', async () => {
  for (let round = 0; round < 5; round++) {
    const [id] = await submitGroup(`https://pubrej.example/${round}`, 1);
    const settled = await Promise.allSettled([
      publish(editors[0]!, id!),
      editors[1]!('mutation($id: ID!) { rejectMaterial(id: $id, reason: "no") { id } }', { id }),
    ]);
    expect(outcome(settled)).toEqual(['CONFLICT', 'OK']);
    const [status] = await statuses([id!]);
    expect(['PUBLISHED', 'REJECTED']).toContain(status);
  }
});

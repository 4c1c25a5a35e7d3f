/**
 * Proves the ADMIN settings over real HTTP (R5, R14, SPEC §4): only ADMIN reads or changes them
 * (others FORBIDDEN); before any change the configured defaults are in force (neutral equal
 * weights with a warning when SCORING_WEIGHTS is not set); every input field is optional and an
 * omitted one keeps its value; a bad cap or weight is BAD_USER_INPUT naming the field and writes
 * nothing; each change is audited without the weights; two ADMINs saving different fields at
 * the same moment both keep their change (versions are unique inserts); the weights never reach
 * the logs nor the audit log.
 */
import { codeOf, startTestApi, type TestApi } from '../../test/support/harness';
import { AuditRecord } from '../audit';
import { getProgramSettings } from './getProgramSettings';

let api: TestApi;
let admin: Awaited<ReturnType<TestApi['as']>>;
beforeAll(async () => {
  api = await startTestApi({ DAILY_CAP: '5000' }, 'settings');
  admin = await api.as({ sub: 'root', roles: ['ADMIN'] });
});
afterAll(() => api.close());

const fields =
  'dailyCap weights { view like comment share pointsPerScore } autoReverseThreshold version';
const read = `query { programSettings { ${fields} } }`;
const update = `mutation($input: ProgramSettingsInput!) { updateProgramSettings(input: $input) { ${fields} } }`;
type Settings = {
  dailyCap: number;
  weights: Record<string, number>;
  autoReverseThreshold: number | null;
  version: number;
};

it('is for ADMIN only', async () => {
  for (const roles of [['MEMBER'], ['SUPPORT'], ['MODERATOR'], ['EDITOR']] as const) {
    const other = await api.as({ sub: 'someone', roles: [...roles] });
    expect(codeOf(await other(read))).toBe('FORBIDDEN');
    expect(codeOf(await other(update, { input: { dailyCap: 1 } }))).toBe('FORBIDDEN');
  }
  expect(codeOf(await api.gql(read))).toBe('UNAUTHENTICATED');
});

it('starts from the configured cap and neutral weights, warning once', async () => {
  const res = await admin<{ programSettings: Settings }>(read);
  expect(res.data!.programSettings).toEqual({
    dailyCap: 5000,
    weights: { view: 1, like: 1, comment: 1, share: 1, pointsPerScore: 1 },
    autoReverseThreshold: null,
    version: 0,
  });
  expect(api.logs.lines.filter((l) => l.includes('SCORING_WEIGHTS is not set'))).toHaveLength(1);
});

it('keeps omitted fields and refuses bad values naming the field', async () => {
  const first = await admin<{ updateProgramSettings: Settings }>(update, {
    input: { dailyCap: 700, weights: { like: 3.5, share: 12345.678 } },
  });
  expect(first.data!.updateProgramSettings).toEqual({
    dailyCap: 700,
    weights: { view: 1, like: 3.5, comment: 1, share: 12345.678, pointsPerScore: 1 },
    autoReverseThreshold: null,
    version: 1,
  });
  const second = await admin<{ updateProgramSettings: Settings }>(update, {
    input: { autoReverseThreshold: 0.9 },
  });
  expect(second.data!.updateProgramSettings).toMatchObject({
    dailyCap: 700,
    weights: { like: 3.5, share: 12345.678 },
    autoReverseThreshold: 0.9,
    version: 2,
  });

  for (const [input, field] of [
    [{ dailyCap: 0 }, 'dailyCap'],
    [{ dailyCap: -5 }, 'dailyCap'],
    [{ weights: { view: -1 } }, 'weights.view'],
    [{ weights: { pointsPerScore: -0.1 } }, 'weights.pointsPerScore'],
    [{ autoReverseThreshold: 1.5 }, 'autoReverseThreshold'],
  ] as const) {
    const res = await admin(update, { input });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.extensions!.field).toBe(field);
  }
  expect((await getProgramSettings()).version).toBe(2);

  const same = await admin<{ updateProgramSettings: Settings }>(update, { input: {} });
  expect(same.data!.updateProgramSettings.version).toBe(2);
});

it('keeps both of two changes saved at the same moment', async () => {
  const other = await api.as({ sub: 'root2', roles: ['ADMIN'] });
  const [a, b] = await Promise.all([
    admin(update, { input: { weights: { view: 2 } } }),
    other(update, { input: { weights: { comment: 4 } } }),
  ]);
  expect(a.errors).toBeUndefined();
  expect(b.errors).toBeUndefined();
  const now = await getProgramSettings();
  expect(now.weights).toMatchObject({ view: 2, comment: 4, like: 3.5 });
  expect(now.version).toBe(4);
});

it('audits each change by field name, and no weight reaches the logs or the audit log', async () => {
  const res = await admin<{ auditLog: { nodes: { action: string; actorId: string }[] } }>(
    'query { auditLog(first: 100) { nodes { action actorId targetId } } }',
  );
  const changes = res.data!.auditLog.nodes.filter((n) => n.action === 'SETTINGS_CHANGE');
  expect(changes).toHaveLength(4);
  const auditText = JSON.stringify(await AuditRecord.find().lean());
  expect(auditText).toContain('weights.share');
  expect(auditText).not.toContain('12345.678');
  expect(api.logs.text).not.toContain('12345.678');
});

/**
 * The network as tests build it through the API: sites (ADMIN) and members' submissions. Each
 * call fails loudly when the API answers with an error, so a setup problem never passes for a
 * finding.
 */
import type { TestApi } from './harness';

export async function upsertSites(api: TestApi, ids: readonly string[]): Promise<void> {
  const admin = await api.as({ sub: 'admin', roles: ['ADMIN'] });
  for (const id of ids) {
    const res = await admin('mutation($input: SiteInput!) { upsertSite(input: $input) { id } }', {
      input: { id, name: id, domain: `${id}.example` },
    });
    if (res.errors) throw new Error(`upsertSite ${id}: ${JSON.stringify(res.errors)}`);
  }
}

export interface Submission {
  url: string;
  title?: string;
  siteId?: string;
  category?: string;
}

/** `memberId` submits a material; returns its id. */
export async function submitAs(
  api: TestApi,
  memberId: string,
  submission: Submission,
): Promise<string> {
  const member = await api.as({ sub: memberId });
  const { url, title = `About ${url}`, siteId = 'news', category = 'x' } = submission;
  const res = await member<{ submitMaterial: { id: string } }>(
    'mutation($input: SubmitMaterialInput!) { submitMaterial(input: $input) { id } }',
    { input: { siteId, title, url, category } },
  );
  if (!res.data?.submitMaterial) throw new Error(`submitMaterial: ${JSON.stringify(res.errors)}`);
  return res.data.submitMaterial.id;
}

import type { Persona } from '../../server/client';
import { forEachBounded } from '../../server/core/forEachBounded';
import type { DemoClient } from './demoClient';
import { personOf, type PlannedMaterial } from './demoNetwork';

/**
 * The members submit every planned material through `submitMaterial` (each one PENDING, in its
 * duplicate group), then the editor publishes or rejects what the plan says, through the API;
 * publishing the best of a duplicate group makes the others DUPLICATE (R8). Returns the id the
 * server gave each planned material, by its plan key.
 *
 * The story's submissions go one at a time, in the plan's order, so that every run groups them
 * the same way (who submitted first, and no three-way race on a fresh fingerprint, see
 * assignDuplicateGroup.ts); everyday submissions and reviews go a few at a time.
 */
const inFlightMax = 4;

const submitMutation = /* GraphQL */ `
  mutation ($input: SubmitMaterialInput!) {
    submitMaterial(input: $input) {
      id
      status
    }
  }
`;
const publishMutation = /* GraphQL */ `
  mutation ($id: ID!) {
    publishMaterial(id: $id) {
      id
      status
    }
  }
`;
const rejectMutation = /* GraphQL */ `
  mutation ($id: ID!, $reason: String!) {
    rejectMaterial(id: $id, reason: $reason) {
      id
      status
    }
  }
`;

export async function submitMaterials(
  plan: readonly PlannedMaterial[],
  client: DemoClient,
  editor: Persona,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const submit = async (m: PlannedMaterial) => {
    const author = await client.as(personOf(m.authorId));
    const { submitMaterial } = await author<{ submitMaterial: { id: string; status: string } }>(
      submitMutation,
      { input: { siteId: m.siteId, title: m.title, url: m.url, category: m.category } },
    );
    ids.set(m.key, submitMaterial.id);
  };
  for (const m of plan.filter((m) => m.story)) await submit(m);
  await forEachBounded(
    plan.filter((m) => !m.story),
    inFlightMax,
    submit,
  );

  const review = await client.as(editor);
  await forEachBounded(
    plan.filter((m) => m.fate !== 'LEAVE'),
    inFlightMax,
    async (m) => {
      const id = ids.get(m.key)!;
      if (m.fate === 'PUBLISH') await review(publishMutation, { id });
      else await review(rejectMutation, { id, reason: m.rejectionReason ?? 'Not for this site.' });
    },
  );
  return ids;
}

import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { appendAudit } from '../audit';
import { isDuplicateKey } from '../core/mongo';
import { fields, parseInput } from '../core/validate';
import { Site, type SiteDoc } from './site.model';

/**
 * ADMIN creates or renames a site. Idempotent by id: the same input twice leaves one site.
 * Without an id a new site is created with a generated one. Every call is audited
 * (SITE_CHANGE, actor = the ADMIN), after the write: a crash between the two loses the record of
 * a change that did happen, which the ADMIN's retry records.
 */
const hostname =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

export const upsertSiteInput = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1-64 letters, digits, dots, dashes or underscores')
    .nullish(),
  name: fields.text(100),
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(hostname, 'must be a host name such as news.example.com'),
});

export async function upsertSite(actorId: string, rawInput: unknown): Promise<SiteDoc> {
  const input = parseInput(upsertSiteInput, rawInput);
  const id = input.id ?? randomUUID();
  const write = () => {
    const now = new Date();
    return Site.findOneAndUpdate(
      { _id: id },
      {
        $set: { name: input.name, domain: input.domain, updatedAt: now },
        $setOnInsert: { createdAt: now },
      },
      { upsert: true, returnDocument: 'after', lean: true },
    );
  };
  // Two first upserts of one id race on _id: the loser's E11000 means the site now exists,
  // so the same write, done again, updates it.
  const site = await write().catch((error: unknown) => {
    if (isDuplicateKey(error)) return write();
    throw error;
  });
  await appendAudit({
    action: 'SITE_CHANGE',
    actorId,
    targetId: id,
    data: { name: input.name, domain: input.domain },
  });
  return site as SiteDoc;
}

import { z } from 'zod';
import { findPage, type Page } from '../core/page';
import { parseInput } from '../core/validate';
import { presentFlag, type FraudFlagView } from './fraud.present';
import { FraudFlag, flagStatuses, type FraudFlagDoc } from './fraudFlag.model';

/** SUPPORT's queue of fraud flags, newest first, optionally of one status. */
const listInput = z.object({
  status: z.enum(flagStatuses).nullish(),
  first: z.number().nullish(),
  after: z.string().nullish(),
});

export async function listFlags(raw: unknown): Promise<Page<FraudFlagView>> {
  const input = parseInput(listInput, raw);
  return findPage<FraudFlagDoc, FraudFlagView>({
    model: FraudFlag,
    filter: input.status ? { status: input.status } : {},
    sortField: 'createdAt',
    direction: 'desc',
    args: input,
    present: presentFlag,
  });
}

import { z } from 'zod';
import type { Model, QueryFilter, SortOrder } from 'mongoose';
import mongoose from 'mongoose';
import { badInput } from './errors';
import { limits } from './limits';

/**
 * One connection helper for every list: `{ nodes, pageInfo { endCursor hasNextPage } }`.
 * Keyset pagination on (sort field, _id), so pages stay stable while entries are appended and
 * cost the same on page 1000 as on page 1. Cursors are opaque (base64url of EJSON values).
 */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}
export interface Page<T> {
  nodes: T[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

const firstSchema = z
  .number()
  .int('must be an integer')
  .min(1, 'must be between 1 and 100')
  .max(limits.pageSizeMax, `must be between 1 and ${limits.pageSizeMax}`);

const { EJSON } = mongoose.mongo.BSON;

function encodeCursor(values: unknown[]): string {
  return Buffer.from(EJSON.stringify(values, { relaxed: false })).toString('base64url');
}

function decodeCursor(cursor: string): [unknown, unknown] {
  try {
    const values = EJSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'), {
      relaxed: false,
    });
    if (Array.isArray(values) && values.length === 2) return [values[0], values[1]];
  } catch {
    // fall through: any unreadable cursor is the caller's mistake
  }
  throw badInput('after', 'is not a cursor returned by this list');
}

export function pageSize(first: number | null | undefined): number {
  if (first === undefined || first === null) return limits.pageSizeDefault;
  const parsed = firstSchema.safeParse(first);
  if (!parsed.success) throw badInput('first', parsed.error.issues[0]?.message ?? 'is invalid');
  return parsed.data;
}

export interface PageQuery<D, T> {
  model: Model<D>;
  filter: QueryFilter<D>;
  /** The field that orders the list (ties broken by _id in the same direction). */
  sortField: string;
  direction: 'asc' | 'desc';
  args: PageArgs;
  present: (doc: D) => T;
}

export async function findPage<D, T>(query: PageQuery<D, T>): Promise<Page<T>> {
  const size = pageSize(query.args.first);
  const { sortField, direction } = query;
  const op = direction === 'asc' ? '$gt' : '$lt';
  let filter: QueryFilter<D> = query.filter;
  if (query.args.after) {
    const [value, id] = decodeCursor(query.args.after);
    const keyset = {
      $or: [{ [sortField]: { [op]: value } }, { [sortField]: value, _id: { [op]: id } }],
    };
    filter = { $and: [query.filter, keyset] } as QueryFilter<D>;
  }
  const order: SortOrder = direction === 'asc' ? 1 : -1;
  const docs = (await query.model
    .find(filter)
    .sort({ [sortField]: order, _id: order })
    .limit(size + 1)
    .lean()) as unknown as (D & Record<string, unknown>)[];
  const hasNextPage = docs.length > size;
  const pageDocs = docs.slice(0, size);
  const last = pageDocs[pageDocs.length - 1];
  return {
    nodes: pageDocs.map(query.present),
    pageInfo: {
      endCursor: last ? encodeCursor([last[sortField], last._id]) : null,
      hasNextPage,
    },
  };
}

/** GraphQL SDL for pages, shared by every module. */
export const pageTypeDefs = /* GraphQL */ `
  type PageInfo {
    endCursor: String
    hasNextPage: Boolean!
  }
`;

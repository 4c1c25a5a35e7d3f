import { readToken } from '../session';

/**
 * A tiny GraphQL-over-HTTP client: POST /graphql with the session's bearer token. Every failure
 * becomes an ApiError carrying the server's `extensions.code` (or NETWORK when the server could
 * not be reached), which the UI turns into words; messages and stacks are never shown.
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly field?: string,
  ) {
    super(code);
    this.name = 'ApiError';
  }
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: { extensions?: { code?: unknown; field?: unknown } }[];
}

export async function request<T>(query: string): Promise<T> {
  const token = readToken();
  let body: GraphQLBody<T>;
  try {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query }),
    });
    body = (await response.json()) as GraphQLBody<T>;
  } catch {
    throw new ApiError('NETWORK');
  }
  const first = body.errors?.[0];
  if (first) {
    const { code, field } = first.extensions ?? {};
    throw new ApiError(
      typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR',
      typeof field === 'string' ? field : undefined,
    );
  }
  if (!body.data) throw new ApiError('INTERNAL_SERVER_ERROR');
  return body.data;
}

/**
 * Arguments are written into the operation as GraphQL literals rather than typed variables, so
 * operations depend only on the field and argument names of the contract (SPEC §4), not on the
 * server's names for input and enum types, which the contract leaves open. Strings go through
 * JSON.stringify, whose output is always a valid GraphQL string literal.
 */
export class EnumValue {
  constructor(readonly name: string) {
    if (!/^[A-Z][A-Z0-9_]*$/.test(name)) throw new Error(`not an enum value: ${name}`);
  }
}
export const enumValue = (name: string) => new EnumValue(name);

export type ArgValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | EnumValue
  | ArgValue[]
  | { [key: string]: ArgValue };

function literal(value: ArgValue): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof EnumValue) return value.name;
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('not a finite number');
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  return `{${fields(value)}}`;
}

function fields(values: Record<string, ArgValue>): string {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}: ${literal(value)}`)
    .join(', ');
}

/** `(a: 1, b: "x")`, leaving out undefined arguments; '' when none remain. */
export function args(values: Record<string, ArgValue>): string {
  const text = fields(values);
  return text ? `(${text})` : '';
}

import { SignJWT } from 'jose';
import { secretKey } from '../../server/auth';
import { mintPersonaToken, type Persona } from '../../server/client';

/**
 * The seed talks to Merit the way its users do: GraphQL over HTTP with a host site's token, so
 * that validation, role checks, rate limits and audit records are the real ones. People's tokens
 * are minted with the server's own secret as the development sign-in mints them; a SITE token
 * carries only the SITE role and its `site` claim (SPEC §1). Any GraphQL error stops the seed,
 * naming the operation and the error's code.
 */
export type Gql = <T = Record<string, unknown>>(
  query: string,
  variables?: Record<string, unknown>,
) => Promise<T>;

export class DemoApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DemoApiError';
  }
}

export interface DemoClient {
  as(person: Persona): Promise<Gql>;
  asSite(siteId: string): Promise<Gql>;
}

const siteTokenLifetimeSeconds = 3600;

async function mintSiteToken(secret: string, siteId: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ roles: ['SITE'], site: siteId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(`site:${siteId}`)
    .setIssuedAt(now)
    .setExpirationTime(now + siteTokenLifetimeSeconds)
    .sign(secretKey(secret));
}

const operationName = (query: string) =>
  /\b(?:query|mutation)\b[^{]*\{\s*(\w+)/.exec(query)?.[1] ?? query.trim().slice(0, 40);

function gqlWith(url: string, token: string): Gql {
  return async <T>(query: string, variables?: Record<string, unknown>) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as {
      data?: T;
      errors?: { message: string; extensions?: { code?: string; field?: string } }[];
    };
    const error = body.errors?.[0];
    if (error || !body.data) {
      const code = error?.extensions?.code ?? `HTTP_${response.status}`;
      const field = error?.extensions?.field ? ` (${error.extensions.field})` : '';
      throw new DemoApiError(
        code,
        `${operationName(query)}: ${code}${field} ${error?.message ?? ''}`.trim(),
      );
    }
    return body.data;
  };
}

export function demoClient(url: string, jwtSecret: string): DemoClient {
  const tokens = new Map<string, Promise<string>>();
  const tokenFor = (key: string, mint: () => Promise<string>) => {
    let token = tokens.get(key);
    if (!token) tokens.set(key, (token = mint()));
    return token;
  };
  return {
    as: async (person) =>
      gqlWith(
        url,
        await tokenFor(`person:${person.memberId}`, () => mintPersonaToken(jwtSecret, person)),
      ),
    asSite: async (siteId) =>
      gqlWith(url, await tokenFor(`site:${siteId}`, () => mintSiteToken(jwtSecret, siteId))),
  };
}

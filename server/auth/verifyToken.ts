import { errors, jwtVerify } from 'jose';
import { z } from 'zod';
import { unauthenticated } from '../core/errors';
import { roles, type Viewer } from './roles';

/**
 * SPEC §1: HS256 only (`alg: none` and every other algorithm refused), `exp` required, claims
 * `sub`, `name`, `roles` (default MEMBER), `site` (required for SITE, which carries no other
 * role). No iss/aud/nbf requirements. Every refusal is UNAUTHENTICATED with a reason that names
 * the claim but never echoes the token.
 */
const claimsSchema = z.object({
  sub: z.string().min(1).max(128),
  name: z.string().max(200).optional(),
  roles: z.array(z.enum(roles)).min(1).default(['MEMBER']),
  site: z.string().min(1).max(128).optional(),
  exp: z.number(),
});

export interface VerifiedToken {
  viewer: Viewer;
  /** The `exp` claim, in milliseconds: a live socket admitted with the token ends then. */
  expiresAtMs: number;
}

export async function verifyToken(token: string, secret: Uint8Array): Promise<VerifiedToken> {
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, secret, {
      algorithms: ['HS256'],
      requiredClaims: ['exp'],
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw unauthenticated('The token has expired');
    throw unauthenticated('The token is not valid');
  }
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) {
    const claim = claims.error.issues[0]?.path.join('.') ?? 'token';
    throw unauthenticated(`The token's ${claim} claim is not valid`);
  }
  const { sub, name, site } = claims.data;
  const expiresAtMs = claims.data.exp * 1000;
  const granted = new Set(claims.data.roles);
  if (granted.has('SITE')) {
    if (granted.size > 1) throw unauthenticated('A SITE token carries no other role');
    if (!site) throw unauthenticated('A SITE token needs a site claim');
    return { viewer: { kind: 'site', siteId: site, subject: sub }, expiresAtMs };
  }
  return {
    viewer: { kind: 'person', memberId: sub, name: name ?? null, roles: granted },
    expiresAtMs,
  };
}

export const secretKey = (secret: string): Uint8Array => new TextEncoder().encode(secret);

/** `Authorization: Bearer <jwt>`; anything else present in the header is refused. */
export function bearerToken(header: string | undefined | null): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match?.[1]) throw unauthenticated('Authorization must be "Bearer <token>"');
  return match[1];
}

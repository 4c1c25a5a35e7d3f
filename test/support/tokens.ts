import { SignJWT } from 'jose';
import type { Role } from '../../server/auth';

export interface TokenClaims {
  sub: string;
  name?: string;
  roles?: Role[];
  site?: string;
}

/** Signs a token as a host site would (HS256, exp in one hour unless told otherwise). */
export async function signToken(
  secret: string,
  claims: TokenClaims,
  expiresInSeconds = 3600,
): Promise<string> {
  const payload: Record<string, unknown> = { ...claims };
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + expiresInSeconds)
    .sign(new TextEncoder().encode(secret));
}

import { Router, type Response } from 'express';
import { SignJWT } from 'jose';
import { secretKey } from '../auth';
import type { Persona } from './personas';
import { signInPath } from './personas';

/**
 * DEVELOPMENT ONLY (never mounted when NODE_ENV=production): a page listing the demo personas;
 * following one mints an HS256 token with the server's own secret, as a host site would, and
 * opens the app with it. The token travels in the URL fragment (`/#token=`), which browsers never
 * send to a server, so it stays out of access logs; the app moves it into sessionStorage.
 */
export const devTokenLifetimeSeconds = 12 * 3600;

export async function mintPersonaToken(secret: string, persona: Persona): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ name: persona.name, roles: persona.roles })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(persona.memberId)
    .setIssuedAt(now)
    .setExpirationTime(now + devTokenLifetimeSeconds)
    .sign(secretKey(secret));
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(personas: readonly Persona[]): string {
  const items = personas
    .map(
      (p) =>
        `<li><a href="${escapeHtml(signInPath(p))}">${escapeHtml(p.name)}</a> <span>${escapeHtml(p.roles.join(', '))} · ${escapeHtml(p.memberId)}</span></li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>Merit · development sign-in</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.6}li{margin:.4rem 0}span{color:#4f4f57}</style>
</head><body><h1>Development sign-in</h1>
<p>Identity normally comes from the host site. On this development server, choose who to be:</p>
<ul>
${items}
</ul>
<p><small>This page does not exist in production.</small></p>
</body></html>`;
}

function noStore(res: Response) {
  res.setHeader('cache-control', 'no-store');
  res.setHeader('referrer-policy', 'no-referrer');
}

export function devSignInRouter(jwtSecret: string, personas: readonly Persona[]): Router {
  const router = Router();
  router.get('/dev/sign-in', (_req, res) => {
    noStore(res);
    res.type('html').send(page(personas));
  });
  router.get('/dev/sign-in/:key', async (req, res, next) => {
    const persona = personas.find((p) => p.key === req.params.key);
    if (!persona) {
      res.status(404).type('text').send('No such persona');
      return;
    }
    try {
      noStore(res);
      res.redirect(302, `/#token=${await mintPersonaToken(jwtSecret, persona)}`);
    } catch (error) {
      next(error);
    }
  });
  return router;
}

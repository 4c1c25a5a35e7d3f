import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router, type NextFunction, type Request, type Response } from 'express';

/**
 * Serves the built client (client/dist): hashed assets cached for a year, index.html never
 * cached, and every screen's path (`/account`, `/support/audit`, ...) answered with index.html
 * (SPA fallback). API paths, files that do not exist and /dev/* are left alone, so they 404 or
 * reach their own routes. Until a first build exists the app answers "being prepared".
 */
const notForTheApp = /^\/(graphql|socket\.io|healthz|readyz|dev)(\/|$)/;
const looksLikeAFile = /\/[^/]*\.[^/]*$/;

/** What the browser may do on the app's pages: only this origin, no framing. */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  // Charts set inline style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

const preparingPage = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="refresh" content="3"><title>Merit</title></head>
<body style="font-family:system-ui,sans-serif;margin:2rem">
<p>Merit is being prepared; this page reloads by itself in a few seconds.</p>
<p lang="fr">Merit se prépare ; cette page se recharge toute seule dans quelques secondes.</p>
</body></html>`;

export function staticClientRouter(distDir: string): Router {
  const router = Router();
  const indexFile = join(distDir, 'index.html');

  router.use(
    '/assets',
    express.static(join(distDir, 'assets'), { immutable: true, maxAge: '365d' }),
  );
  router.use(express.static(distDir, { index: false, maxAge: 0 }));

  const sendApp = (res: Response) => {
    res.setHeader('content-security-policy', contentSecurityPolicy);
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('cache-control', 'no-cache');
    if (!existsSync(indexFile)) {
      res.status(503).type('html').send(preparingPage);
      return;
    }
    res.sendFile(indexFile);
  };
  router.use((req: Request, res: Response, next: NextFunction) => {
    const isRead = req.method === 'GET' || req.method === 'HEAD';
    if (!isRead || notForTheApp.test(req.path) || looksLikeAFile.test(req.path)) return next();
    sendApp(res);
  });
  return router;
}

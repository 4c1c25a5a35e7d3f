import type { Express } from 'express';
import type { Config } from '../config';
import { devSignInRouter } from './devSignIn';
import { demoPersonas, type Persona } from './personas';
import { staticClientRouter } from './staticClient';
import { clientDistDir } from './clientBuild';

export { demoPersonas, signInPath, type Persona } from './personas';
export { mintPersonaToken } from './devSignIn';
export { clientDistDir, ensureClientBuilt, isClientBuildStale } from './clientBuild';

export interface ClientRoutesOptions {
  /** Who the development sign-in offers (the demo seed passes its own). */
  personas?: readonly Persona[];
  distDir?: string;
}

/**
 * The browser side of the server, for `startServer(config, { extraRoutes })`: the
 * development-only sign-in (absent in production, so /dev/* is a 404 there) and the built client.
 */
export function clientRoutes(config: Config, options: ClientRoutesOptions = {}) {
  return (app: Express) => {
    if (!config.production)
      app.use(devSignInRouter(config.jwtSecret, options.personas ?? demoPersonas));
    app.use(staticClientRouter(options.distDir ?? clientDistDir));
  };
}

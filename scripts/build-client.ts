/** `npm run build:client`: builds client/dist now (vite), whatever its age. */
import { ensureClientBuilt } from '../server/client';

const startedAt = Date.now();
ensureClientBuilt({ force: true }).then(
  (outcome) => {
    if (outcome === 'unavailable') {
      console.error('vite is not installed: install devDependencies (npm ci) first');
      process.exit(1);
    }
    console.log(
      `client built into client/dist in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`,
    );
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

// Runs before `npm start` and `npm test` (plain Node, no dependencies): installs the locked
// dependencies when they are missing or older than package-lock.json, so both commands work as
// the first ones in a fresh clone (SPEC §8).
import { spawnSync } from 'node:child_process';
import console from 'node:console';
import process from 'node:process';
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const mtime = (path) => {
  try {
    return statSync(join(root, path)).mtimeMs;
  } catch {
    return null;
  }
};
const installed = mtime('node_modules/.package-lock.json');
if (installed === null || installed < mtime('package-lock.json')) {
  console.log('installing the locked dependencies (npm ci), once ...');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('npm ci failed: see above; Node 20.19+ and the npm registry are needed');
    process.exit(result.status ?? 1);
  }
}

import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  await globalThis.meritServices?.stop();
  const dir = process.env.MERIT_TEST_FERRET_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
}

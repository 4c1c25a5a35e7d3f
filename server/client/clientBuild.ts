import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';

/**
 * Keeps client/dist in step with client/ sources so that `npm run serve` in a fresh clone needs
 * no other step (SPEC §8). The build runs in a child process (vite), so the API and /readyz
 * answer at once while it runs; the app's pages say "being prepared" until the first build
 * lands. The build goes to a scratch folder in .local/ and is then renamed into place, so a
 * running server never serves a half-written dist and two builds never mix their files.
 */
const projectRoot = resolve(__dirname, '../..');
export const clientDir = join(projectRoot, 'client');
export const clientDistDir = join(clientDir, 'dist');
const scratchDir = join(projectRoot, '.local');
const sources = [
  join(clientDir, 'src'),
  join(clientDir, 'index.html'),
  join(clientDir, 'vite.config.ts'),
  join(projectRoot, 'package-lock.json'),
];
/** A build takes seconds; one that runs for minutes is stuck. */
const buildTimeoutMs = 5 * 60_000;

function newestMtimeMs(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestMtimeMs(join(path, name))),
    stat.mtimeMs,
  );
}

/** True when there is no build, or a source is newer than it. */
export function isClientBuildStale(distDir = clientDistDir): boolean {
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) return true;
  const builtAt = statSync(index).mtimeMs;
  return sources.some((source) => newestMtimeMs(source) > builtAt);
}

function viteBin(): string | null {
  try {
    return join(resolve(require.resolve('vite/package.json'), '..'), 'bin', 'vite.js');
  } catch {
    return null; // installed without devDependencies: serve whatever build exists
  }
}

function runVite(bin: string, outDir: string, signal?: AbortSignal): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [
        bin,
        'build',
        '--config',
        join(clientDir, 'vite.config.ts'),
        '--outDir',
        outDir,
        '--emptyOutDir',
        '--logLevel',
        'warn',
      ],
      {
        cwd: projectRoot,
        // Vite keeps an inherited NODE_ENV (test, development), which would bundle React's
        // development build: the served client is always the production one.
        // eslint-disable-next-line no-restricted-syntax -- handing the environment to a child, not reading configuration
        env: { ...process.env, NODE_ENV: 'production' },
        stdio: ['ignore', 'ignore', 'pipe'],
        signal,
        timeout: buildTimeoutMs,
      },
    );
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => {
      errors = (errors + chunk.toString()).slice(-4000);
    });
    child.on('error', fail);
    child.on('exit', (code, killedBy) => {
      if (code === 0) done();
      else fail(new Error(`vite build failed (${killedBy ?? `exit ${code}`}): ${errors.trim()}`));
    });
  });
}

/**
 * Puts a finished build in place of a stale one. If another process (a parallel test file, a
 * second server) has meanwhile put a fresh build there, that one stays and ours is dropped.
 */
function swapInto(built: string, distDir: string) {
  if (!isClientBuildStale(distDir)) return;
  const retired = join(scratchDir, `client-retired-${process.pid}-${Date.now()}`);
  if (existsSync(distDir)) renameSync(distDir, retired);
  try {
    renameSync(built, distDir);
  } catch (error) {
    rmSync(built, { recursive: true, force: true });
    if (!existsSync(join(distDir, 'index.html'))) throw error;
  }
  rmSync(retired, { recursive: true, force: true });
}

export type ClientBuildOutcome = 'fresh' | 'built' | 'unavailable';

export interface ClientBuildOptions {
  log?: Logger;
  signal?: AbortSignal;
  /** Build even when client/dist looks up to date (`npm run build:client`). */
  force?: boolean;
}

let running: Promise<ClientBuildOutcome> | null = null;

/** Builds client/dist when missing or stale; concurrent calls in one process share one build. */
export function ensureClientBuilt(options: ClientBuildOptions = {}): Promise<ClientBuildOutcome> {
  running ??= buildIfNeeded(options).finally(() => {
    running = null;
  });
  return running;
}

async function buildIfNeeded({
  log,
  signal,
  force = false,
}: ClientBuildOptions): Promise<ClientBuildOutcome> {
  if (!force && !isClientBuildStale()) return 'fresh';
  const bin = viteBin();
  if (!bin) {
    log?.warn(
      'client/dist is missing or stale and vite is not installed: run `npm run build:client` where devDependencies are installed',
    );
    return 'unavailable';
  }
  mkdirSync(scratchDir, { recursive: true });
  const outDir = join(scratchDir, `client-build-${process.pid}-${Date.now()}`);
  const startedAt = Date.now();
  log?.info('building the client (client/dist)');
  try {
    await runVite(bin, outDir, signal);
    swapInto(outDir, clientDistDir);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  log?.info({ durationMs: Date.now() - startedAt }, 'client built');
  return 'built';
}

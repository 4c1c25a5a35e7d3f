/**
 * Starts what Merit needs when MONGO_URL / REDIS_URL are not given: FerretDB v1.24.2 (built once
 * from its Go module into .local/bin) and Redis (the local one on 6379 when it answers, else a
 * redis-server of our own). One module for `npm run services`, `npm start`, tests and CI.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  rmSync,
  writeFileSync,
  chmodSync,
  readdirSync,
  statSync,
} from 'node:fs';
import { createServer, Socket } from 'node:net';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';

export const projectRoot = resolve(__dirname, '..');
const localDir = join(projectRoot, '.local');
export const ferretBinary = join(localDir, 'bin', 'ferretdb');
const ferretVersion = 'v1.24.2';
const ferretModule = 'github.com/FerretDB/FerretDB';

export interface StartedServices {
  mongoUrl: string;
  redisUrl: string;
  /** Children started here (empty when everything was given or already running). */
  children: ChildProcess[];
  stop(): Promise<void>;
}

export interface ServiceOptions {
  /** Database name used in the printed MONGO_URL. */
  database: string;
  /** Where FerretDB keeps its SQLite files. */
  dataDir: string;
  /** Detach children so they outlive this process (`npm run services`). */
  detached?: boolean;
  /** Drop FerretDB's PostgreSQL database on stop (tests); otherwise it is kept (demo data). */
  ephemeral?: boolean;
  log?: (line: string) => void;
  env?: Record<string, string | undefined>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

function tcpOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((done) => {
    const socket = new Socket();
    socket.setTimeout(500);
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('timeout', () => (socket.destroy(), done(false)));
    socket.once('error', () => (socket.destroy(), done(false)));
    socket.connect(port, host);
  });
}

export async function redisAnswers(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((done) => {
    const socket = new Socket();
    let reply = '';
    socket.setTimeout(1000);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (!reply.includes('\r\n')) return;
      socket.destroy();
      done(reply.startsWith('+PONG'));
    });
    socket.once('timeout', () => (socket.destroy(), done(false)));
    socket.once('error', () => (socket.destroy(), done(false)));
    socket.connect(port, host);
  });
}

async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
  child?: ChildProcess,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null)
      throw new Error(`${what} exited with code ${child.exitCode}`);
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not come up within ${timeoutMs} ms`);
}

function hasCommand(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Builds FerretDB from its module source: a plain `go install` panics at start because the
 * generated build/version/version.txt is not in the module, so we write it ourselves.
 * A lock directory keeps parallel callers (test workers, CI steps) from building twice.
 */
export async function ensureFerretBinary(
  log: (line: string) => void = () => undefined,
): Promise<string> {
  if (existsSync(ferretBinary)) return ferretBinary;
  if (!hasCommand('go')) {
    throw new Error(
      'FerretDB is not built and Go is not installed. Install Go 1.24+ (https://go.dev/doc/install), ' +
        'or set MONGO_URL to a MongoDB 7 server, or run `docker compose up mongo redis`.',
    );
  }
  const lock = join(localDir, 'ferretdb-build.lock');
  mkdirSync(localDir, { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(ferretBinary)) return ferretBinary;
      if (Date.now() - statSync(lock).mtimeMs > 15 * 60_000)
        rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (existsSync(ferretBinary)) return ferretBinary;
    const started = Date.now();
    log(`building FerretDB ${ferretVersion} (once; cached in .local/bin) ...`);
    const info = JSON.parse(
      execFileSync('go', ['mod', 'download', '-json', `${ferretModule}@${ferretVersion}`], {
        encoding: 'utf8',
      }),
    ) as { Dir: string };
    const scratch = join(tmpdir(), `ferretdb-src-${process.pid}-${Date.now()}`);
    cpSync(info.Dir, scratch, { recursive: true });
    makeWritable(scratch);
    writeFileSync(join(scratch, 'build', 'version', 'version.txt'), ferretVersion);
    mkdirSync(join(localDir, 'bin'), { recursive: true });
    const partial = `${ferretBinary}.partial`;
    execFileSync('go', ['build', '-trimpath', '-o', partial, './cmd/ferretdb'], {
      cwd: scratch,
      env: { ...process.env, CGO_ENABLED: '0' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    execFileSync('mv', [partial, ferretBinary]);
    rmSync(scratch, { recursive: true, force: true });
    log(`FerretDB built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return ferretBinary;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function makeWritable(dir: string) {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) makeWritable(path);
    else chmodSync(path, 0o644);
  }
}

/**
 * FerretDB's backend: PostgreSQL when a local server answers (trust auth, as on CI), because it
 * serves concurrent writes 2-3x faster than SQLite (`npm run bench:ferretdb`); else SQLite files
 * under dataDir. FERRETDB_BACKEND=sqlite|postgresql forces one.
 */
const postgresBase = 'postgres://postgres@127.0.0.1:5432';
/**
 * FerretDB v1 runs an update as a query whose rows stay open while each matched document is
 * written on a second pooled connection: N concurrent updates hold N connections and wait for N
 * more, so N >= pool size deadlocks the whole server (seen: every client hangs, PostgreSQL idle).
 * We keep that impossible by construction: each client process may run at most
 * `clientPoolMax` operations at once (the driver queues the rest), and the pool has room for
 * every operation of `clientProcessesMax` processes to hold two connections. PostgreSQL's
 * default max_connections is 100; idle connections are closed soon so another instance fits.
 */
const clientPoolMax = 6;
const clientProcessesMax = 6;
const postgresPoolMax = 2 * clientPoolMax * clientProcessesMax;
const postgresPoolOptions = `pool_max_conns=${postgresPoolMax}&pool_max_conn_idle_time=10s`;

function psql(sql: string): boolean {
  try {
    execFileSync(
      'psql',
      ['-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-tAc', sql],
      { stdio: 'ignore', timeout: 10_000 },
    );
    return true;
  } catch {
    return false;
  }
}

async function postgresAvailable(env: Record<string, string | undefined>): Promise<boolean> {
  if (env.FERRETDB_BACKEND === 'sqlite') return false;
  const usable = hasCommand('psql') && (await tcpOpen(5432)) && psql('select 1');
  if (!usable && env.FERRETDB_BACKEND === 'postgresql')
    throw new Error('FERRETDB_BACKEND=postgresql but no PostgreSQL answers on 127.0.0.1:5432');
  return usable;
}

export interface FerretOptions {
  dataDir: string;
  detached: boolean;
  log: (line: string) => void;
  env: Record<string, string | undefined>;
  /** PostgreSQL database that holds FerretDB's data; dropped on stop when `ephemeral`. */
  postgresDatabase: string;
  ephemeral: boolean;
}

export async function startFerretDB(options: FerretOptions) {
  const binary = await ensureFerretBinary(options.log);
  mkdirSync(options.dataDir, { recursive: true });
  const port = await freePort();
  const usePostgres = await postgresAvailable(options.env);
  const database = options.postgresDatabase;
  if (usePostgres) psql(`create database ${database}`); // fails harmlessly when it exists
  // FerretDB runs each single-document query as a scan with a containment filter; once a table
  // passes PostgreSQL's parallel-scan threshold (dead rows count, and this server may run without
  // autovacuum) every such query starts and stops parallel workers. Serial scans halved accrual's
  // posting of 20,000 accounts (219 s -> 113 s, `npm run bench:accrual`); full reads kept their speed.
  if (usePostgres) psql(`alter database ${database} set max_parallel_workers_per_gather = 0`);
  const backend = usePostgres
    ? // Bounded pool: PostgreSQL's max_connections (100 by default) is shared by every instance.
      [
        '--handler=postgresql',
        `--postgresql-url=${postgresBase}/${database}?${postgresPoolOptions}`,
      ]
    : ['--handler=sqlite', `--sqlite-url=file:${options.dataDir}/`];
  options.log(
    `starting FerretDB (${usePostgres ? `postgresql, database ${database}` : 'sqlite'}) on port ${port}`,
  );
  const child = spawn(
    binary,
    [
      `--listen-addr=127.0.0.1:${port}`,
      ...backend,
      '--telemetry=disable',
      '--log-level=ERROR',
      '--debug-addr=-',
      `--state-dir=${options.dataDir}`,
    ],
    { stdio: 'ignore', detached: options.detached },
  );
  await waitFor('FerretDB', () => tcpOpen(port), 30_000, child);
  const cleanup = () => {
    if (usePostgres && options.ephemeral) psql(`drop database if exists ${database} with (force)`);
  };
  return { port, child, cleanup };
}

export async function startRedis(
  detached: boolean,
  log: (line: string) => void,
  forceOwn = false,
  wantedPort?: number,
) {
  if (!forceOwn && (await redisAnswers(6379))) return { port: 6379, child: null };
  if (!hasCommand('redis-server')) {
    throw new Error(
      'Redis is not running on 127.0.0.1:6379 and redis-server is not installed. ' +
        'Install it (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis), ' +
        'or set REDIS_URL, or run `docker compose up redis`.',
    );
  }
  const port = wantedPort ?? (await freePort());
  log(`starting redis-server on port ${port}`);
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
      detached,
    },
  );
  await waitFor('redis-server', () => redisAnswers(port), 10_000, child);
  return { port, child };
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

export async function startServices(options: ServiceOptions): Promise<StartedServices> {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => undefined);
  const children: ChildProcess[] = [];
  const cleanups: (() => void)[] = [];
  let mongoUrl = env.MONGO_URL;
  let redisUrl = env.REDIS_URL;
  try {
    if (!mongoUrl) {
      const ephemeral = options.ephemeral ?? false;
      const ferret = await startFerretDB({
        dataDir: options.dataDir,
        detached: options.detached ?? false,
        log,
        env,
        postgresDatabase: ephemeral
          ? `ferretdb_${options.database}_${process.pid}`
          : `ferretdb_${options.database}`,
        ephemeral,
      });
      children.push(ferret.child);
      cleanups.push(ferret.cleanup);
      mongoUrl = `mongodb://127.0.0.1:${ferret.port}/${options.database}?maxPoolSize=${clientPoolMax}`;
    }
    if (!redisUrl) {
      const redis = await startRedis(options.detached ?? false, log);
      if (redis.child) children.push(redis.child);
      redisUrl = `redis://127.0.0.1:${redis.port}/0`;
    }
  } catch (error) {
    await Promise.all(children.map(stopChild));
    cleanups.forEach((cleanup) => cleanup());
    throw error;
  }
  return {
    mongoUrl,
    redisUrl,
    children,
    stop: async () => {
      await Promise.all(children.map(stopChild));
      cleanups.forEach((cleanup) => cleanup());
    },
  };
}

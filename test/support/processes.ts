/**
 * Child processes for tests: `node --import tsx <file>` with an environment (see `testEnv`),
 * their stdout read line by line. Used where a property needs real separate processes:
 * cross-process races, SIGKILL crashes, several API servers behind one Redis.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

export const projectRoot = resolve(__dirname, '..', '..');

export interface TsxChild {
  process: ChildProcess;
  /** Every stdout line so far. */
  lines: string[];
  /** Resolves with the first stdout line matching, rejects if the child exits first. */
  waitForLine(match: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves when the child has exited, with its code (null when killed by a signal). */
  exited: Promise<number | null>;
  stderr(): string;
  /** Writes a line to the child's stdin (a start signal, for instance). */
  send(line: string): void;
}

const running = new Set<ChildProcess>();

/** SIGKILLs every child still running (a test's afterAll, so a failed test leaves none behind). */
export function killChildren(): void {
  for (const child of running) child.kill('SIGKILL');
}

export function spawnTsx(file: string, env: Record<string, string>, args: string[] = []): TsxChild {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(projectRoot, file), ...args], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const lines: string[] = [];
  const waiters = new Set<(line: string) => void>();
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    for (const waiter of waiters) waiter(line);
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return {
    process: child,
    lines,
    exited,
    stderr: () => errors,
    send: (line) => void child.stdin!.write(`${line}\n`),
    waitForLine: (match, timeoutMs = 20_000) =>
      new Promise((resolveLine, reject) => {
        const seen = lines.find((line) => match.test(line));
        if (seen) return resolveLine(seen);
        const timer = setTimeout(
          () => finish(new Error(`no line matching ${match} within ${timeoutMs} ms`)),
          timeoutMs,
        );
        const waiter = (line: string) => match.test(line) && finish(null, line);
        const onExit = () =>
          finish(new Error(`child exited before printing ${match}: ${errors.slice(-2000)}`));
        function finish(error: Error | null, line?: string) {
          clearTimeout(timer);
          waiters.delete(waiter);
          child.off('exit', onExit);
          if (error) reject(error);
          else resolveLine(line!);
        }
        waiters.add(waiter);
        child.once('exit', onExit);
      }),
  };
}

/** Runs a child to its end; rejects with its stderr when it exits non-zero. */
export async function runTsx(
  file: string,
  env: Record<string, string>,
  args: string[] = [],
): Promise<string[]> {
  const child = spawnTsx(file, env, args);
  const code = await child.exited;
  if (code !== 0) throw new Error(`${file} exited with ${code}: ${child.stderr().slice(-2000)}`);
  return child.lines;
}

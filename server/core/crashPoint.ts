/**
 * Named points where crash tests kill a process (test/crash/): a test's child process arms one
 * point with `armCrashPoint(name)`, and when the code passes `crashPoint(name)` the process
 * SIGKILLs itself there, between two writes, exactly as a power cut would. Unarmed (always, in
 * production: nothing but test children call `armCrashPoint`), a crash point does nothing.
 */
let armed: { name: string; skips: number } | null = null;

/** Kills this process the `(skips + 1)`-th time it reaches `name`. */
export function armCrashPoint(name: string, skips = 0): void {
  armed = { name, skips };
}

export function crashPoint(name: string): void {
  if (armed?.name !== name) return;
  if (armed.skips-- > 0) return;
  process.kill(process.pid, 'SIGKILL');
}

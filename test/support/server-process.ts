// Running `npm start`'s entry point (the compiled dist/server/main.js, test/support/compiled.ts)
// as a child process, as tests and benches that need a real HTTP server do, and reading its
// JSON log lines as they come. Children start in a process
// group of their own (detached) and are killed by group, so nothing they started outlives them.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { compiled } from './compiled.js';

const root = path.resolve(import.meta.dirname, '..', '..');

/** Starts the server as `npm start` runs it, with `env` added to this process's environment. */
export function spawnServer(env: Record<string, string>): ChildProcess {
  // node itself rather than npm: one process, so signals, the exit status and liveness are the server's own.
  return spawn(process.execPath, [compiled('server/main.ts')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
    detached: true,
  });
}

/** Sends `signal` to the child's whole process group (it must have been spawned detached). */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** Calls `onLine` with each complete line of `stream`, reading it continuously (a full pipe would stall the child). */
export function onLines(stream: Readable, onLine: (line: string) => void): void {
  let buffer = '';
  stream.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    for (let newline = buffer.indexOf('\n'); newline >= 0; newline = buffer.indexOf('\n')) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      onLine(line);
    }
  });
}

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ENTRY = fileURLToPath(new URL('./testSupport/killWithParent.e2e-entry.ts', import.meta.url));

// Running, not gone and not a zombie waiting to be reaped by whoever adopted it.
const isAlive = (pid: number): boolean => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
};

// Whether `pid` is still alive after up to `ms`.
const stillAliveAfter = async (pid: number, ms: number): Promise<boolean> => {
  for (const deadline = Date.now() + ms; Date.now() < deadline; )
    if (isAlive(pid)) await new Promise((resolve) => setTimeout(resolve, 50));
    else return false;
  return isAlive(pid);
};

// Starts the entry, sends SIGTERM once it is ready; what it printed, how it ended, and whether
// its registered child outlived it.
const terminate = async (keepListener: boolean) => {
  const parent = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    env: { ...process.env, KEEP_LISTENER: keepListener ? '1' : '0', NODE_NO_WARNINGS: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: Record<string, unknown>[] = [];
  let buffered = '';
  const ready = new Promise<number>((resolve) =>
    parent.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const part of parts) {
        const line = JSON.parse(part) as Record<string, unknown>;
        lines.push(line);
        if (line.ready === true) resolve(line.childPid as number);
      }
    }),
  );
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    parent.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const childPid = await ready;
  parent.kill('SIGTERM');
  const exit = await exited;
  // The child is killed on the parent's way out.
  const childAlive = await stillAliveAfter(childPid, 5_000);
  if (childAlive) process.kill(childPid, 'SIGKILL');
  return { lines, exit, childAlive };
};

describe('killWithParent on SIGTERM', () => {
  it('with no other listener: kills the child and ends the process by the signal', async () => {
    const { exit, childAlive } = await terminate(false);
    expect(exit.signal).toBe('SIGTERM');
    expect(childAlive).toBe(false);
  });

  it('with a listener that stops gracefully: the child lives through the stop, then dies at exit', async () => {
    const { lines, exit, childAlive } = await terminate(true);
    expect(lines).toContainEqual({ aliveDuringStop: true });
    expect(exit).toEqual({ code: 0, signal: null });
    expect(childAlive).toBe(false);
  });
});

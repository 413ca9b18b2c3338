import type { ChildProcess } from 'node:child_process';

const running = new Set<ChildProcess>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Kills a detached child's whole process group; a process that is already gone is fine. */
export const killGroup = (child: ChildProcess, signal: NodeJS.Signals): void => {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // Already gone.
    }
  }
};

const killAll = (): void => {
  for (const child of running) killGroup(child, 'SIGKILL');
  running.clear();
};

const onSignal = (signal: NodeJS.Signals): void => {
  // Another listener (a poller stopping gracefully, say) decides when the process ends, and may
  // still need DynamoDB Local for its last checkpoint: the 'exit' hook kills Java then.
  if (process.listenerCount(signal) > 1) return;
  // With no other listener Node would have exited on this signal: keep that behaviour.
  killAll();
  process.removeListener(signal, onSignal);
  process.kill(process.pid, signal);
};

let installed = false;

/**
 * Registers a child to be killed when this process exits or is interrupted, so a crashed or
 * aborted test run never leaves Java running. On a signal some other listener handles, the child
 * lives until the process exits. Returns the function that unregisters it.
 */
export const killWithParent = (child: ChildProcess): (() => void) => {
  if (!installed) {
    installed = true;
    process.once('exit', killAll);
    for (const signal of SIGNALS) process.on(signal, onSignal);
  }
  running.add(child);
  return () => {
    running.delete(child);
  };
};

import type { StreamPoller } from './streamPoller.js';

/** How `installSignalHandlers` ends the process. */
export interface SignalHandlingOptions {
  /** Default SIGTERM (what container runtimes send) and SIGINT (Ctrl-C). */
  readonly signals?: readonly NodeJS.Signals[];
  /** Exit once the poller has stopped (default true): code 0, or 1 if it had failed (`run` gave a `Left`). */
  readonly exit?: boolean;
  /** Called after the poller stopped, before exiting (flush logs, close clients). */
  readonly onStopped?: () => void | Promise<void>;
}

/**
 * Opt-in graceful shutdown: on SIGTERM or SIGINT the poller finishes the batches in hand,
 * checkpoints them, releases its leases, and the process exits 0 (1 if the poller had failed). A second signal while
 * stopping is ignored (the stop is already under way). Returns a function that uninstalls.
 */
export const installSignalHandlers = (
  poller: Pick<StreamPoller, 'stop'>,
  options: SignalHandlingOptions = {},
): (() => void) => {
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  let stopping: Promise<void> | undefined;
  const onSignal = (): void => {
    if (stopping !== undefined) return;
    stopping = (async () => {
      let code = 0;
      try {
        const stopped = await poller.stop();
        if (stopped._tag === 'Left') {
          process.stderr.write(`stream poller had failed: ${stopped.left.message}\n`);
          code = 1;
        }
        await options.onStopped?.();
      } catch (error) {
        process.stderr.write(`stream poller did not stop cleanly: ${String(error)}\n`);
        code = 1;
      }
      if (options.exit ?? true) process.exit(code);
    })();
  };
  for (const signal of signals) process.on(signal, onSignal);
  return () => {
    for (const signal of signals) process.off(signal, onSignal);
  };
};

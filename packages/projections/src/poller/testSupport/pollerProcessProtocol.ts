// What every poller e2e entry shares: its settings from the environment, and the JSON lines on
// stdout that pollerProcess.ts reads (`Started`, every notable event, `Stopped`, `Failed`).
import { installSignalHandlers } from '../installSignalHandlers.js';
import { type ProjectionPollerOptions, projectionPoller } from '../projectionPoller.js';

/** A variable the e2e test sets for the child; a missing one is the test's mistake, so it throws. */
export const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is not set`);
  return value;
};

/** The SDK clients' settings for the DynamoDB Local at `E2E_ENDPOINT`, with dummy credentials. */
export const localClientConfig = () => ({
  endpoint: env('E2E_ENDPOINT'),
  region: 'local',
  credentials: { accessKeyId: 'sluice', secretAccessKey: 'sluice' },
});

const writeLine = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value)}\n`);
};

/** Runs a projection poller as the e2e child process, stopped gracefully by SIGTERM; exits 1 if it fails. */
export const runPollerProcess = async (
  options: Omit<ProjectionPollerOptions, 'onEvent'>,
): Promise<void> => {
  const poller = projectionPoller({
    ...options,
    onEvent: (event) => {
      if (event._tag !== 'BatchProcessed') writeLine(event);
    },
  });
  installSignalHandlers(poller, { onStopped: () => writeLine({ _tag: 'Stopped' }) });
  writeLine({ _tag: 'Started', pid: process.pid });
  const result = await poller.run();
  if (result._tag === 'Left') {
    writeLine({ _tag: 'Failed', failure: result.left });
    process.exit(1);
  }
};

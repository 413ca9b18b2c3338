import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('./pollerProcess.e2e-entry.ts', import.meta.url));
// tsx resolves `@sluice/*` to the sources through this package's tsconfig paths.
const PACKAGE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** What the poller child process needs to know. */
export interface PollerProcessConfig {
  readonly endpoint: string;
  readonly streamArn: string;
  readonly leaseTable: string;
  readonly tablePrefix: string;
  readonly workerId: string;
  /** Where a first start begins (default TRIM_HORIZON). */
  readonly startingPosition?: 'TRIM_HORIZON' | 'LATEST';
  /** Another entry file (default `pollerProcess.e2e-entry.ts`), e.g. one injecting faults. */
  readonly entry?: string;
  /** More environment for that entry. */
  readonly env?: Readonly<Record<string, string>>;
}

/** A running poller process and what it printed. */
export interface PollerProcess {
  readonly child: ChildProcess;
  /** Parsed JSON lines of its stdout so far. */
  readonly events: Array<{ readonly _tag: string } & Record<string, unknown>>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once the process printed an event with this tag. */
  waitFor(tag: string, timeoutMs?: number): Promise<void>;
}

const started = new Set<ChildProcess>();

/** Kills every poller process still running (test teardown, also after a failed test). */
export const killPollerProcesses = (): void => {
  for (const child of started)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  started.clear();
};

/** Starts `pollerProcess.e2e-entry.ts` in its own Node process (through tsx). */
export const startPollerProcess = (config: PollerProcessConfig): PollerProcess => {
  const child = spawn(process.execPath, ['--import', 'tsx', config.entry ?? ENTRY], {
    cwd: PACKAGE_ROOT,
    env: {
      ...process.env,
      E2E_ENDPOINT: config.endpoint,
      E2E_STREAM_ARN: config.streamArn,
      E2E_LEASE_TABLE: config.leaseTable,
      E2E_TABLE_PREFIX: config.tablePrefix,
      E2E_WORKER_ID: config.workerId,
      E2E_STARTING_POSITION: config.startingPosition ?? 'TRIM_HORIZON',
      NODE_NO_WARNINGS: '1',
      ...config.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  const events: PollerProcess['events'] = [];
  let stderr = '';
  let buffered = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) if (line.trim() !== '') events.push(JSON.parse(line));
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const waitFor = async (tag: string, timeoutMs = 30_000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!events.some((e) => e._tag === tag)) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`poller exited before "${tag}": ${stderr}`);
      if (Date.now() > deadline) throw new Error(`no "${tag}" within ${timeoutMs} ms: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return { child, events, exited, waitFor };
};

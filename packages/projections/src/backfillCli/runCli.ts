import { writeFile } from 'node:fs/promises';
import * as E from 'fp-ts/lib/Either.js';
import { backfill } from '../backfill/backfill.js';
import { backfillTelemetry } from '../backfill/backfillTelemetry.js';
import { dynamoDbScanSource } from '../backfill/dynamoDbScanSource.js';
import { dynamoDbSegmentCheckpoints } from '../backfill/dynamoDbSegmentCheckpoints.js';
import { type PollerLiveStream, pollerLiveStream } from '../backfill/pollerLiveStream.js';
import type { BackfillTarget } from '../backfill/snapshotTarget.js';
import { InMemoryDeadLetters } from '../deadLetter/inMemoryDeadLetters.js';
import { dynamoDbProjectionStore } from '../dynamodb/store/dynamoDbProjectionStore.js';
import { dynamoDbLeaseTable } from '../poller/lease/dynamoDbLeaseTable.js';
import type { Projection } from '../projection/projection.js';
import { dynamoDbActiveVersions } from '../rebuild/dynamoDbActiveVersions.js';
import { rebuild } from '../rebuild/rebuild.js';
import { storeMetrics } from '../telemetry/storeMetrics.js';
import { type CliOptions, parseCliArguments } from './cliArguments.js';
import { cliClients } from './cliClients.js';
import { fileTelemetry } from './fileTelemetry.js';
import { type Output, ProgressDisplay } from './progressDisplay.js';
import { OK, startCommand } from './startCommand.js';
import { summaryText } from './summaryText.js';
import { USAGE } from './usage.js';

/** What the command runs in: its output streams, environment, working directory, and a stop signal. */
export interface CliContext {
  readonly stdout: Output;
  readonly stderr: Output;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Aborted on SIGINT/SIGTERM: pages in hand are applied and checkpointed, then the run stops. */
  readonly signal?: AbortSignal;
}

/** Exit statuses. */
const FAILED = 1;
const STOPPED = 130;

/** Runs `sluice-backfill` with these arguments; resolves with the exit status. */
export const runCli = async (argv: readonly string[], context: CliContext): Promise<number> => {
  const started = await startCommand('sluice-backfill', parseCliArguments(argv), USAGE, context);
  if (E.isLeft(started)) return started.left;
  const { options, targets } = started.right;
  const { dynamodb, document, streams } = cliClients(options, context.env);
  try {
    return await run(options, targets, { dynamodb, document, streams }, context);
  } finally {
    document.destroy();
    dynamodb.destroy();
    streams.destroy();
  }
};

/** The `Service` dimension of the command's metrics. */
const SERVICE = 'sluice-backfill';

const run = async (
  options: CliOptions,
  targets: readonly BackfillTarget[],
  clients: ReturnType<typeof cliClients>,
  context: CliContext,
): Promise<number> => {
  const { stderr } = context;
  const source = dynamoDbScanSource({
    client: clients.dynamodb,
    tableName: options.table,
    consistentRead: options.consistentRead,
  });
  const described = await source.describe();
  if (E.isLeft(described)) {
    stderr.write(`sluice-backfill: ${described.left.message}\n`);
    return FAILED;
  }
  const { streamArn } = described.right;
  if (options.follow && streamArn === undefined) {
    stderr.write(
      `sluice-backfill: table ${options.table} has no stream enabled: nothing to --follow\n`,
    );
    return FAILED;
  }
  const session = compose(options, clients, context, source, streamArn);
  if (!options.follow)
    stderr.write(
      'note: no --follow: a consumer of these projections (Lambda or poller) must have been running since before this scan\n',
    );
  try {
    return options.versionsTable !== undefined
      ? await runRebuild(session, targets[0]!, options.versionsTable)
      : await runBackfill(session, targets);
  } finally {
    session.display.endBar();
    await Promise.all(session.pollers.map((poller) => poller.stop()));
    await keepDeadLetters(options, session.common.deadLetters, stderr);
  }
};

type Session = ReturnType<typeof compose>;

// The composition root: the store, telemetry, progress display and live consumers the run uses.
const compose = (
  options: CliOptions,
  { dynamodb, document, streams }: ReturnType<typeof cliClients>,
  context: CliContext,
  source: ReturnType<typeof dynamoDbScanSource>,
  streamArn: string | undefined,
) => {
  const { stderr } = context;
  const prefix = options.tablePrefix;
  const telemetry =
    options.metricsFile === undefined ? undefined : fileTelemetry(options.metricsFile);
  const reporter = telemetry === undefined ? undefined : backfillTelemetry(telemetry, SERVICE);
  const store = dynamoDbProjectionStore({
    client: document,
    ...(prefix === undefined ? {} : { tableName: (table: string) => prefix + table }),
    ...(telemetry === undefined ? {} : { retryPolicy: storeMetrics(telemetry, SERVICE) }),
  });
  const deadLetters = new InMemoryDeadLetters();
  const mode = options.progress === 'auto' ? (stderr.isTTY ? 'bar' : 'lines') : options.progress;
  const display = new ProgressDisplay(stderr, mode, options.progressIntervalMs);
  const pollers: PollerLiveStream[] = [];
  const liveFor = (projections: readonly Projection[]) => {
    const live = pollerLiveStream({
      streams,
      streamArn: streamArn!,
      leaseTable: dynamoDbLeaseTable({ client: dynamodb, tableName: options.leaseTable! }),
      projections,
      store,
      deadLetters,
      startingPosition: options.startingPosition,
      ...(telemetry === undefined ? {} : { telemetry, service: SERVICE }),
    });
    pollers.push(live);
    return live;
  };
  const common = {
    source,
    store,
    deadLetters,
    segments: options.segments,
    ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
    ...(options.rate === undefined ? {} : { rate: options.rate }),
    ...(options.checkpointTable === undefined
      ? {}
      : {
          checkpoints: dynamoDbSegmentCheckpoints({
            client: document,
            tableName: options.checkpointTable,
          }),
        }),
    ...(options.backfillId === undefined ? {} : { backfillId: options.backfillId }),
    ...(context.signal === undefined ? {} : { signal: context.signal }),
    onEvent: (event: Parameters<ProgressDisplay['onEvent']>[0]) => {
      display.onEvent(event);
      reporter?.onEvent(event);
    },
  };
  return { options, context, document, reporter, display, pollers, liveFor, common };
};

// `--versions-table`: a blue/green rebuild of the one projection, then the readers switch.
const runRebuild = async (
  { context, document, reporter, display, liveFor, common }: Session,
  target: BackfillTarget,
  versionsTable: string,
): Promise<number> => {
  const { stdout, stderr } = context;
  const rebuilt = await rebuild({
    ...common,
    projection: target.projection,
    ...(target.snapshot === undefined ? {} : { snapshot: target.snapshot }),
    versions: dynamoDbActiveVersions({ client: document, tableName: versionsTable }),
    live: (projection) => liveFor([projection]),
  });
  display.endBar();
  if (E.isLeft(rebuilt)) {
    stderr.write(`sluice-backfill: rebuild failed: ${rebuilt.left.message}\n`);
    return FAILED;
  }
  const result = rebuilt.right;
  if (result._tag === 'UpToDate') {
    stdout.write(
      `version ${result.version} of ${target.projection.name} is already active: nothing to rebuild\n`,
    );
    return OK;
  }
  stdout.write(summaryText(result.backfill));
  reporter?.finished(result.backfill);
  if (result.backfill.gap) return FAILED;
  if (result._tag === 'Incomplete') return STOPPED;
  stdout.write(
    `readers switched: ${target.projection.name} v${result.from ?? '-'} → v${result.to}; stop the old version's consumer and drop its tables when convenient\n`,
  );
  return OK;
};

// The plain backfill of every target, handed over to the live stream with `--follow`.
const runBackfill = async (
  { options, context, reporter, display, liveFor, common }: Session,
  targets: readonly BackfillTarget[],
): Promise<number> => {
  const { stdout, stderr } = context;
  const done = await backfill({
    ...common,
    projections: targets,
    ...(options.follow ? { live: liveFor(targets.map((t) => t.projection)) } : {}),
  });
  display.endBar();
  if (E.isLeft(done)) {
    stderr.write(`sluice-backfill: backfill failed: ${done.left.message}\n`);
    return FAILED;
  }
  stdout.write(summaryText(done.right));
  reporter?.finished(done.right);
  if (done.right.gap) return FAILED;
  return done.right.complete ? OK : STOPPED;
};

// Dead letters are kept in memory during the run: written to `--dead-letters`, and named on stderr.
const keepDeadLetters = async (
  options: CliOptions,
  deadLetters: InMemoryDeadLetters,
  stderr: Output,
): Promise<void> => {
  if (options.deadLetterFile !== undefined && deadLetters.letters.length > 0)
    await writeFile(
      options.deadLetterFile,
      deadLetters.letters.map((letter) => JSON.stringify(letter)).join('\n') + '\n',
    );
  if (deadLetters.letters.length > 0)
    stderr.write(
      `${deadLetters.letters.length} item(s) dead-lettered` +
        (options.deadLetterFile
          ? ` to ${options.deadLetterFile}`
          : ' (use --dead-letters <file> to keep them)') +
        `; first: ${deadLetters.letters[0]!.reason.message}\n`,
    );
};

import { readFile } from 'node:fs/promises';
import * as E from 'fp-ts/lib/Either.js';
import { cliClients } from '../backfillCli/cliClients.js';
import type { Output } from '../backfillCli/progressDisplay.js';
import { OK, startCommand, USAGE_ERROR } from '../backfillCli/startCommand.js';
import { dynamoDbDeadLetters } from '../deadLetter/dynamoDbDeadLetters.js';
import { dynamoDbProjectionStore } from '../dynamodb/store/dynamoDbProjectionStore.js';
import { parseFailureRecords } from '../failedBatches/batchInfo.js';
import { recoverFailedBatches } from '../failedBatches/recoverFailedBatches.js';
import { redrive } from '../redrive/redrive.js';
import { parseRecoveryArguments } from './recoveryArguments.js';
import { recoverySummaryText, redriveSummaryText } from './summaryLines.js';
import { RECOVERY_USAGE } from './usage.js';

/** What the command runs in: output streams, environment, working directory, and stdin's text. */
export interface RecoveryCliContext {
  readonly stdout: Output;
  readonly stderr: Output;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Reads all of stdin (failed-batches without --file). */
  readonly readStdin: () => Promise<string>;
}

const FAILED = 1;
const NEEDS_REBUILD = 3;

/** Runs `sluice-recover` with these arguments; resolves with the exit status. */
export const runRecoveryCli = async (
  argv: readonly string[],
  context: RecoveryCliContext,
): Promise<number> => {
  const { stdout, stderr } = context;
  const started = await startCommand(
    'sluice-recover',
    parseRecoveryArguments(argv),
    RECOVERY_USAGE,
    context,
  );
  if (E.isLeft(started)) return started.left;
  const { options, targets } = started.right;
  const projections = targets.map((target) => target.projection);
  const clients = cliClients(options, context.env);
  const prefix = options.tablePrefix;
  const store = dynamoDbProjectionStore({
    client: clients.document,
    ...(prefix === undefined ? {} : { tableName: (table: string) => prefix + table }),
  });
  const letters = dynamoDbDeadLetters({
    client: clients.document,
    tableName: options.deadLetterTable,
  });
  try {
    if (options.command === 'redrive') {
      const done = await redrive({
        projections,
        store,
        letters,
        dryRun: options.dryRun,
        unreadable: !options.skipUnreadable,
        beyondReplayWindow: options.beyondReplayWindow,
        ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
        onProgress: (p) =>
          stderr.write(`${p.projection}: ${p.applied + p.stillPoison}/${p.read} letter(s)\n`),
      });
      stdout.write(redriveSummaryText(E.isLeft(done) ? done.left.summary : done.right));
      if (E.isLeft(done)) {
        stderr.write(`sluice-recover: ${done.left.message}\n`);
        return FAILED;
      }
      return OK;
    }
    const text =
      options.file === undefined || options.file === '-'
        ? await context.readStdin()
        : await readFile(options.file, 'utf8');
    const batches = parseFailureRecords(text, options.file ?? 'stdin');
    if (E.isLeft(batches)) {
      stderr.write(`sluice-recover: ${batches.left.message}\n`);
      return USAGE_ERROR;
    }
    const summary = await recoverFailedBatches({
      projections,
      store,
      deadLetters: letters,
      streams: clients.streams,
      batches: batches.right,
    });
    stdout.write(recoverySummaryText(summary));
    if (summary.failed > 0) return FAILED;
    return summary.needsRebuild.length > 0 ? NEEDS_REBUILD : OK;
  } finally {
    clients.document.destroy();
    clients.dynamodb.destroy();
    clients.streams.destroy();
  }
};

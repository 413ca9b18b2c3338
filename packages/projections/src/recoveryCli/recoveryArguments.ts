import { parseArgs } from 'node:util';
import * as E from 'fp-ts/lib/Either.js';

/** What `sluice-recover` is asked to do, validated. */
export interface RecoveryOptions {
  readonly command: 'redrive' | 'failed-batches';
  readonly module: string;
  readonly exports: readonly string[];
  readonly deadLetterTable: string;
  readonly endpoint: string | undefined;
  readonly region: string | undefined;
  readonly tablePrefix: string | undefined;
  /** redrive: decode and plan only. */
  readonly dryRun: boolean;
  /** redrive: letters per batch. */
  readonly batchSize: number | undefined;
  /** redrive: leave the letters of records no projection could read. */
  readonly skipUnreadable: boolean;
  /** redrive: also apply letters of changes older than the 25-hour replay window. */
  readonly beyondReplayWindow: boolean;
  /** failed-batches: where the on-failure records are; `-` or undefined for stdin. */
  readonly file: string | undefined;
}

/** The command line cannot be run as given. */
export interface RecoveryUsageError {
  readonly _tag: 'UsageError';
  readonly message: string;
}

const usageError = (message: string): E.Either<RecoveryUsageError, never> =>
  E.left({ _tag: 'UsageError', message });

const OPTIONS = {
  module: { type: 'string' },
  export: { type: 'string', multiple: true },
  'dead-letter-table': { type: 'string' },
  endpoint: { type: 'string' },
  region: { type: 'string' },
  'table-prefix': { type: 'string' },
  'dry-run': { type: 'boolean' },
  'batch-size': { type: 'string' },
  'skip-unreadable': { type: 'boolean' },
  'beyond-replay-window': { type: 'boolean' },
  file: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const COMMANDS = ['redrive', 'failed-batches'] as const;

/** Parses `sluice-recover <command> [options]` (without the program name); `help` for `--help`. */
export const parseRecoveryArguments = (
  argv: readonly string[],
): E.Either<RecoveryUsageError, RecoveryOptions | 'help'> => {
  let parsed: ReturnType<
    typeof parseArgs<{ options: typeof OPTIONS; strict: true; allowPositionals: true }>
  >;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    return usageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return E.right('help');
  const [command, extra] = positionals;
  if (command === undefined) return usageError(`give a command: ${COMMANDS.join(' or ')}`);
  if (!COMMANDS.includes(command as (typeof COMMANDS)[number]))
    return usageError(`unknown command ${JSON.stringify(command)} (${COMMANDS.join(' or ')})`);
  if (extra !== undefined) return usageError(`unexpected argument ${JSON.stringify(extra)}`);
  if (!values.module) return usageError('--module is required');
  if ((values.export ?? []).length === 0) return usageError('--export is required (a projection)');
  if (!values['dead-letter-table']) return usageError('--dead-letter-table is required');
  if (values.endpoint !== undefined && !URL.canParse(values.endpoint))
    return usageError(`--endpoint must be a URL, got ${JSON.stringify(values.endpoint)}`);
  const redriveOnly = (
    ['dry-run', 'batch-size', 'skip-unreadable', 'beyond-replay-window'] as const
  ).find((name) => values[name] !== undefined);
  if (command !== 'redrive' && redriveOnly !== undefined)
    return usageError(`--${redriveOnly} is only used with redrive`);
  if (command !== 'failed-batches' && values.file !== undefined)
    return usageError('--file is only used with failed-batches');
  const size = values['batch-size'];
  const batchSize = size === undefined ? undefined : Number(size);
  if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize >= 1))
    return usageError(`--batch-size must be a positive integer, got ${JSON.stringify(size)}`);
  return E.right({
    command: command as RecoveryOptions['command'],
    module: values.module,
    exports: values.export ?? [],
    deadLetterTable: values['dead-letter-table'],
    endpoint: values.endpoint,
    region: values.region,
    tablePrefix: values['table-prefix'],
    dryRun: values['dry-run'] ?? false,
    batchSize,
    skipUnreadable: values['skip-unreadable'] ?? false,
    beyondReplayWindow: values['beyond-replay-window'] ?? false,
    file: values.file,
  });
};

import { parseArgs } from 'node:util';
import * as E from 'fp-ts/lib/Either.js';
import type { RateLimit } from '../backfill/rateLimit.js';

/** What the command line asks for, validated. */
export interface CliOptions {
  readonly table: string;
  readonly module: string;
  readonly exports: readonly string[];
  readonly endpoint: string | undefined;
  readonly region: string | undefined;
  readonly tablePrefix: string | undefined;
  readonly segments: number;
  readonly pageSize: number | undefined;
  readonly rate: RateLimit | undefined;
  readonly consistentRead: boolean;
  readonly checkpointTable: string | undefined;
  readonly backfillId: string | undefined;
  readonly follow: boolean;
  readonly leaseTable: string | undefined;
  readonly startingPosition: 'TRIM_HORIZON' | 'LATEST';
  readonly versionsTable: string | undefined;
  readonly deadLetterFile: string | undefined;
  /** Where EMF metrics and JSON logs are appended (`--metrics-file`); none by default. */
  readonly metricsFile: string | undefined;
  readonly progress: 'auto' | 'bar' | 'lines' | 'none';
  readonly progressIntervalMs: number;
}

/** The command line cannot be run as given; the message says what to change. */
export interface UsageError {
  readonly _tag: 'UsageError';
  readonly message: string;
}

const usageError = (message: string): E.Either<UsageError, never> =>
  E.left({ _tag: 'UsageError', message });

const OPTIONS = {
  table: { type: 'string' },
  module: { type: 'string' },
  export: { type: 'string', multiple: true },
  endpoint: { type: 'string' },
  region: { type: 'string' },
  'table-prefix': { type: 'string' },
  segments: { type: 'string' },
  'page-size': { type: 'string' },
  'read-units': { type: 'string' },
  'capacity-share': { type: 'string' },
  'items-per-second': { type: 'string' },
  'consistent-read': { type: 'boolean' },
  'checkpoint-table': { type: 'string' },
  'backfill-id': { type: 'string' },
  follow: { type: 'boolean' },
  'lease-table': { type: 'string' },
  'starting-position': { type: 'string' },
  'versions-table': { type: 'string' },
  'dead-letters': { type: 'string' },
  'metrics-file': { type: 'string' },
  progress: { type: 'string' },
  'progress-interval': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; strict: true }>>['values'];

// A number option: absent, or a finite number the check accepts.
const numberOption = (
  values: Values,
  name: keyof typeof OPTIONS,
  check: (n: number) => boolean,
  expected: string,
): E.Either<UsageError, number | undefined> => {
  const text = values[name];
  if (text === undefined) return E.right(undefined);
  const n = Number(text);
  return typeof text === 'string' && text.trim() !== '' && Number.isFinite(n) && check(n)
    ? E.right(n)
    : usageError(`--${name} must be ${expected}, got ${JSON.stringify(text)}`);
};

const positiveInteger = (n: number) => Number.isInteger(n) && n >= 1;
const positive = (n: number) => n > 0;

const rateOf = (values: Values): E.Either<UsageError, RateLimit | undefined> => {
  const given = (['read-units', 'capacity-share', 'items-per-second'] as const).filter(
    (name) => values[name] !== undefined,
  );
  if (given.length > 1)
    return usageError(`give one rate limit, not ${given.map((n) => `--${n}`).join(' and ')}`);
  const units = numberOption(values, 'read-units', positive, 'a positive number');
  const share = numberOption(
    values,
    'capacity-share',
    (n) => n > 0 && n <= 1,
    'above 0 and at most 1',
  );
  const items = numberOption(values, 'items-per-second', positive, 'a positive number');
  if (E.isLeft(units)) return units;
  if (E.isLeft(share)) return share;
  if (E.isLeft(items)) return items;
  if (units.right !== undefined) return E.right({ readUnitsPerSecond: units.right });
  if (share.right !== undefined) return E.right({ shareOfCapacity: share.right });
  if (items.right !== undefined) return E.right({ itemsPerSecond: items.right });
  return E.right(undefined);
};

const oneOf = <A extends string>(
  values: Values,
  name: keyof typeof OPTIONS,
  allowed: readonly A[],
  fallback: A,
): E.Either<UsageError, A> => {
  const text = values[name];
  if (text === undefined) return E.right(fallback);
  return allowed.includes(text as A)
    ? E.right(text as A)
    : usageError(`--${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(text)}`);
};

// What is missing or does not go together in the command line, checked in this order.
const combinationProblem = (values: Values, positionals: readonly string[]): string | undefined => {
  if (positionals.length > 0) return `unexpected argument ${JSON.stringify(positionals[0])}`;
  for (const name of ['table', 'module'] as const)
    if (!values[name]) return `--${name} is required`;
  const exports = values.export ?? [];
  if (exports.length === 0) return '--export is required (the projection to backfill)';
  if (values.endpoint !== undefined && !URL.canParse(values.endpoint))
    return `--endpoint must be a URL, got ${JSON.stringify(values.endpoint)}`;
  if (values.follow && !values['lease-table'])
    return '--follow needs --lease-table (where the stream poller keeps its leases)';
  if (!values.follow && values['lease-table']) return '--lease-table is only used with --follow';
  if (!values.follow && values['starting-position'])
    return '--starting-position is only used with --follow';
  if (values['versions-table'] && (exports.length !== 1 || !values.follow))
    return '--versions-table rebuilds one projection: give exactly one --export, and --follow';
  return undefined;
};

/** Parses and checks the arguments (without the program name); `help` when `--help` was asked for. */
export const parseCliArguments = (
  argv: readonly string[],
): E.Either<UsageError, CliOptions | 'help'> => {
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      options: OPTIONS,
      strict: true,
      allowPositionals: true,
    }));
  } catch (error) {
    return usageError((error as Error).message);
  }
  if (values.help) return E.right('help');
  const problem = combinationProblem(values, positionals);
  if (problem !== undefined) return usageError(problem);
  const exports = values.export ?? [];

  const segments = numberOption(
    values,
    'segments',
    (n) => positiveInteger(n) && n <= 1_000_000,
    'an integer from 1 to 1000000',
  );
  const pageSize = numberOption(values, 'page-size', positiveInteger, 'a positive integer');
  const interval = numberOption(
    values,
    'progress-interval',
    positive,
    'a positive number of seconds',
  );
  const rate = rateOf(values);
  const start = oneOf(
    values,
    'starting-position',
    ['TRIM_HORIZON', 'LATEST'] as const,
    'TRIM_HORIZON',
  );
  const progress = oneOf(values, 'progress', ['auto', 'bar', 'lines', 'none'] as const, 'auto');
  for (const checked of [segments, pageSize, interval, rate, start, progress])
    if (E.isLeft(checked)) return checked;
  return E.right({
    table: values.table!,
    module: values.module!,
    exports,
    endpoint: values.endpoint,
    region: values.region,
    tablePrefix: values['table-prefix'],
    segments: (E.isRight(segments) && segments.right) || 4,
    pageSize: E.isRight(pageSize) ? pageSize.right : undefined,
    rate: E.isRight(rate) ? rate.right : undefined,
    consistentRead: values['consistent-read'] ?? false,
    checkpointTable: values['checkpoint-table'],
    backfillId: values['backfill-id'],
    follow: values.follow ?? false,
    leaseTable: values['lease-table'],
    startingPosition: E.isRight(start) ? start.right : 'TRIM_HORIZON',
    versionsTable: values['versions-table'],
    deadLetterFile: values['dead-letters'],
    metricsFile: values['metrics-file'],
    progress: E.isRight(progress) ? progress.right : 'auto',
    progressIntervalMs: ((E.isRight(interval) && interval.right) || 10) * 1000,
  });
};

import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { parseCliArguments } from './cliArguments.js';

const base = ['--table', 'Orders', '--module', './projections.js', '--export', 'orderTotals'];

const error = (argv: string[]) => {
  const parsed = parseCliArguments(argv);
  return E.isLeft(parsed) ? parsed.left.message : undefined;
};

describe('sluice-backfill arguments', () => {
  it('fills in defaults for a minimal command line', () => {
    expect(parseCliArguments(base)).toEqual(
      E.right(
        expect.objectContaining({
          table: 'Orders',
          exports: ['orderTotals'],
          segments: 4,
          pageSize: undefined,
          rate: undefined,
          follow: false,
          startingPosition: 'TRIM_HORIZON',
          progress: 'auto',
          progressIntervalMs: 10_000,
        }),
      ),
    );
  });

  it('reads every option, repeatable exports and one rate limit', () => {
    const parsed = parseCliArguments([
      ...base,
      '--export',
      'orderHistory',
      '--endpoint',
      'http://127.0.0.1:8000',
      '--segments',
      '8',
      '--page-size',
      '100',
      '--capacity-share',
      '0.25',
      '--follow',
      '--lease-table',
      'Leases',
      '--starting-position',
      'LATEST',
      '--checkpoint-table',
      'Backfills',
      '--progress',
      'lines',
      '--progress-interval',
      '2.5',
    ]);
    expect(parsed).toEqual(
      E.right(
        expect.objectContaining({
          exports: ['orderTotals', 'orderHistory'],
          endpoint: 'http://127.0.0.1:8000',
          segments: 8,
          pageSize: 100,
          rate: { shareOfCapacity: 0.25 },
          follow: true,
          leaseTable: 'Leases',
          startingPosition: 'LATEST',
          checkpointTable: 'Backfills',
          progress: 'lines',
          progressIntervalMs: 2500,
        }),
      ),
    );
  });

  it('answers --help before checking anything else', () => {
    expect(parseCliArguments(['--help'])).toEqual(E.right('help'));
    expect(parseCliArguments(['-h', '--segments', 'x'])).toEqual(E.right('help'));
  });

  it('explains each bad argument', () => {
    expect(error([])).toBe('--table is required');
    expect(error(['--table', 'T', '--module', 'm.js'])).toMatch(/--export is required/);
    expect(error([...base, '--segments', '0'])).toMatch(/--segments must be an integer from 1/);
    expect(error([...base, '--segments', 'four'])).toMatch(/got "four"/);
    expect(error([...base, '--page-size', '2.5'])).toMatch(
      /--page-size must be a positive integer/,
    );
    expect(error([...base, '--capacity-share', '2'])).toMatch(/above 0 and at most 1/);
    expect(error([...base, '--read-units', '10', '--items-per-second', '5'])).toMatch(
      /one rate limit, not --read-units and --items-per-second/,
    );
    expect(error([...base, '--endpoint', 'localhost 8000'])).toMatch(/--endpoint must be a URL/);
    expect(error([...base, '--follow'])).toMatch(/--follow needs --lease-table/);
    expect(error([...base, '--lease-table', 'L'])).toMatch(/only used with --follow/);
    expect(
      error([...base, '--follow', '--lease-table', 'L', '--starting-position', 'NOW']),
    ).toMatch(/one of TRIM_HORIZON, LATEST/);
    expect(error([...base, '--versions-table', 'V'])).toMatch(/exactly one --export, and --follow/);
    expect(error([...base, '--progress', 'fancy'])).toMatch(/one of auto, bar, lines, none/);
    expect(error([...base, '--frobnicate'])).toMatch(/Unknown option '--frobnicate'/);
    expect(error([...base, 'extra'])).toMatch(/unexpected argument "extra"/);
  });
});

/** The measurements `pnpm bench` can run. */
export const MEASUREMENTS = [
  'throughput',
  'cost',
  'coldStart',
  'replay',
  'lag',
  'inProcess',
] as const;

/** One of the measurements. */
export type Measurement = (typeof MEASUREMENTS)[number];

/** Sizes of every measurement. */
export interface BenchSizes {
  readonly throughput: {
    readonly records: number;
    readonly warmUp: number;
    readonly rounds: number;
  };
  readonly cost: { readonly records: number; readonly batchSizes: readonly number[] };
  readonly coldStart: { readonly imports: number };
  readonly replay: { readonly changes: number };
  readonly lag: {
    readonly writesPerSecond: number;
    readonly writes: number;
    readonly idleDelaysMs: readonly (number | undefined)[];
  };
  /** Issue 13: SDK writes on the in-process DynamoDB and on DynamoDB Local. */
  readonly inProcess: { readonly writes: number; readonly rounds: number };
}

/** The sizes issue 7 asks for. */
export const FULL_SIZES: BenchSizes = {
  throughput: { records: 10_000, warmUp: 3, rounds: 15 },
  cost: { records: 2_000, batchSizes: [100, 1000] },
  coldStart: { imports: 20 },
  replay: { changes: 1_000_000 },
  lag: { writesPerSecond: 50, writes: 500, idleDelaysMs: [undefined, 100] },
  inProcess: { writes: 10_000, rounds: 3 },
};

/** Small sizes for a run of a minute or two; its figures are rough. */
export const QUICK_SIZES: BenchSizes = {
  throughput: { records: 2_000, warmUp: 1, rounds: 5 },
  cost: { records: 400, batchSizes: [100] },
  coldStart: { imports: 5 },
  replay: { changes: 50_000 },
  lag: { writesPerSecond: 20, writes: 40, idleDelaysMs: [undefined] },
  inProcess: { writes: 1_000, rounds: 2 },
};

/** What the command line asked for. */
export interface BenchOptions {
  readonly quick: boolean;
  readonly sizes: BenchSizes;
  readonly only: readonly Measurement[];
  /** Where to write the Markdown report; `undefined`: print only. */
  readonly out: string | undefined;
  /** A running DynamoDB Local to use instead of starting one. */
  readonly endpoint: string | undefined;
}

/** The command line could not be understood, or `--help` was asked for. */
export type BenchArgsProblem =
  | { readonly _tag: 'Help'; readonly message: string }
  | { readonly _tag: 'BadArgument'; readonly message: string };

/** Usage text for `--help`. */
export const USAGE = `Usage: pnpm bench [-- options]

Runs the Sluice benchmarks of issues 7, 13 and 18 in one process and prints a table; a full run also
writes BENCHMARKS.md at the repository root.

Options:
  --quick              small sizes (a minute or two); prints only, unless --out is given
  --only <list>        comma-separated subset of: ${MEASUREMENTS.join(', ')}
  --out <file>         where to write the Markdown report (default: BENCHMARKS.md for a full run)
  --no-write           print only, even for a full run
  --endpoint <url>     use this running DynamoDB Local (loopback) instead of starting one
  --help               this text`;

/** Parses `argv` (without node and the script); `defaultOut` is the report path of a full run. */
export const parseBenchArgs = (
  argv: readonly string[],
  defaultOut: string,
): { ok: true; options: BenchOptions } | { ok: false; problem: BenchArgsProblem } => {
  let quick = false;
  let only: Measurement[] = [...MEASUREMENTS];
  let out: string | undefined;
  let write = true;
  let endpoint: string | undefined;
  const bad = (message: string) => ({
    ok: false as const,
    problem: { _tag: 'BadArgument' as const, message: `${message}\n\n${USAGE}` },
  });
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (name) {
      case '--':
        break;
      case '--help':
      case '-h':
        return { ok: false, problem: { _tag: 'Help', message: USAGE } };
      case '--quick':
        quick = true;
        break;
      case '--no-write':
        write = false;
        break;
      case '--out': {
        out = value();
        if (!out) return bad('--out needs a file name');
        break;
      }
      case '--endpoint': {
        endpoint = value();
        if (!endpoint) return bad('--endpoint needs a URL');
        break;
      }
      case '--only': {
        const names = (value() ?? '').split(',').filter((s) => s.length > 0);
        const unknown = names.filter((n) => !(MEASUREMENTS as readonly string[]).includes(n));
        if (names.length === 0 || unknown.length > 0)
          return bad(`--only takes a list of ${MEASUREMENTS.join(', ')}; got "${names.join(',')}"`);
        only = names as Measurement[];
        break;
      }
      default:
        return bad(`unknown option ${arg}`);
    }
  }
  return {
    ok: true,
    options: {
      quick,
      sizes: quick ? QUICK_SIZES : FULL_SIZES,
      only,
      out: write ? (out ?? (quick ? undefined : defaultOut)) : undefined,
      endpoint,
    },
  };
};

import { AssertionError } from 'node:assert';
import type { StreamSource } from '@sluice/offline';
import type { Projection } from '@sluice/projections';
import { deadLettersDiff, type ExpectedDeadLetter, expectationOf } from './deadLettersDiff.js';
import { describeDeliveries } from './deliveryPlan.js';
import { deliverySummary } from './deliverySummary.js';
import { type ProjectionOutcome, runProjections, type WhenOptions } from './runProjections.js';
import { type CompareOptions, type ExpectedTables, tablesDiff } from './tablesDiff.js';

type Fulfilled<R> = ((outcome: ProjectionOutcome) => R | PromiseLike<R>) | null | undefined;
type Rejected<R> = ((reason: unknown) => R | PromiseLike<R>) | null | undefined;

/**
 * The projections run over the given changes, lazily: the first assertion (or `await`) delivers,
 * later ones reuse the outcome. Every assertion rejects with an `AssertionError` whose message is
 * a diff a person can read.
 */
export interface ProjectionRun {
  /**
   * Asserts the named tables hold exactly these rows, in any order; tables not named are not
   * compared. The rows' values may be asymmetric matchers (`expect.any(String)`).
   */
  then(expected: ExpectedTables, options?: CompareOptions): Promise<void>;
  /** Asserts the poison records, each once and in any order, match these (only fields given are compared). */
  thenDeadLetters(expected: readonly ExpectedDeadLetter[]): Promise<void>;
  /**
   * Asserts every table and dead letter equals what one clean delivery of the same stream makes:
   * exactly-once effect, whatever these deliveries did. Needs no expected rows: suits property tests.
   */
  thenEqualsCleanPass(): Promise<void>;
  /** What the projections made: tables, dead letters, delivery reports. */
  outcome(): Promise<ProjectionOutcome>;
}

const fail = (title: string, lines: readonly string[], outcome: ProjectionOutcome): never => {
  throw new AssertionError({
    message: [title, ...lines, deliverySummary(outcome)].join('\n'),
    operator: 'then',
  });
};

const NO_EXPECTATION =
  'a projection spec asserts nothing by itself: end it with .then(expectedRows), ' +
  '.thenDeadLetters(expected) or .thenEqualsCleanPass(); .outcome() gives the tables';

const isExpectation = (value: unknown): value is ExpectedTables =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// How a run differs from a clean pass, live items' markers in group rows compared too.
const cleanPassDiff = (clean: ProjectionOutcome, result: ProjectionOutcome): string[] => {
  // A table only the faulty run wrote must show up too: a clean pass left it empty.
  const cleanTables = {
    ...Object.fromEntries(Object.keys(result.tables).map((name) => [name, []])),
    ...clean.tables,
  };
  const keys = { ...clean.keys, ...result.keys };
  return [
    ...tablesDiff(cleanTables, result.tables, keys, {}, undefined, 'live'),
    ...deadLettersDiff(clean.deadLetters.map(expectationOf), result.deadLetters),
  ];
};

/** Creates the run of `when`; the source table is written once, on first use, and shared by every pass. */
export const projectionRun = (
  writeSource: () => Promise<StreamSource>,
  projections: readonly Projection[],
  options: WhenOptions,
): ProjectionRun => {
  let source: Promise<StreamSource> | undefined;
  let outcome: Promise<ProjectionOutcome> | undefined;
  const sourceTable = () => {
    source ??= writeSource();
    return source;
  };
  const run = () => {
    outcome ??= sourceTable().then((table) => runProjections(table, projections, options));
    return outcome;
  };
  // Known only when every projection names its tables (the built-ins do).
  const declared = projections.every((p) => p.tables !== undefined)
    ? new Set(projections.flatMap((p) => p.tables ?? []))
    : undefined;
  const context = describeDeliveries(
    options.deliveries ?? 'clean',
    options.times ?? 1,
    options.poison,
  );

  const assertTables = async (expected: ExpectedTables, compare?: CompareOptions) => {
    const result = await run();
    const lines = tablesDiff(expected, result.tables, result.keys, compare, declared);
    if (lines.length > 0)
      fail(`projection tables differ from the expected rows (${context})`, lines, result);
  };

  // `await run` (or returning the run from an async test) calls `then` with callbacks: the type
  // forbids it, but a test that forgot its expectation must fail, not pass having checked nothing.
  const then = (expected: unknown, second?: unknown): Promise<unknown> => {
    if (typeof expected === 'function' || expected === undefined || expected === null)
      return Promise.reject(new TypeError(NO_EXPECTATION)).then(
        expected as Fulfilled<unknown>,
        second as Rejected<unknown>,
      );
    if (!isExpectation(expected))
      throw new TypeError('then() takes the expected rows per table name: { myTable: [row, …] }');
    return assertTables(expected, second as CompareOptions | undefined);
  };

  return {
    // biome-ignore lint/suspicious/noThenProperty: the Emmett-style `given().when().then(expected)`; a thenable on purpose (see above).
    then: then as ProjectionRun['then'],
    outcome: run,
    thenDeadLetters: async (expected) => {
      const result = await run();
      const lines = deadLettersDiff(expected, result.deadLetters);
      if (lines.length > 0)
        fail(`dead letters differ from the expected ones (${context})`, lines, result);
    },
    thenEqualsCleanPass: async () => {
      const result = await run();
      const clean = await runProjections(await sourceTable(), projections, {
        ...(options.poison === undefined ? {} : { poison: options.poison }),
      });
      const lines = cleanPassDiff(clean, result);
      if (lines.length > 0)
        fail(
          `tables differ from one clean pass over the same stream (${context}); expected = clean pass`,
          lines,
          result,
        );
    },
  };
};

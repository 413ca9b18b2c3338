import { formatValue } from './formatValue.js';
import { valueMatches } from './valueMatches.js';

type Row = Readonly<Record<string, unknown>>;

/** How one table's rows differ from the expected ones. */
export interface RowsDiff {
  /** An expected row and the received row with the same key: one row whose attributes differ. */
  readonly differing: readonly { readonly expected: Row; readonly actual: Row }[];
  readonly missing: readonly Row[];
  readonly unexpected: readonly Row[];
}

const pick = (row: Row, names: readonly string[]): Row =>
  Object.fromEntries(names.map((name) => [name, row[name]]));

/**
 * Compares rows in any order (a table is a set of rows); `undefined` when they match exactly.
 * Rows left over on both sides with the same values for the key attributes (those the expected
 * row states) are paired as one row that differs.
 */
export const rowsDiff = (
  expected: readonly Row[],
  actual: readonly Row[],
  keyNames: readonly string[],
): RowsDiff | undefined => {
  const unexpected = [...actual];
  const unmatched: Row[] = [];
  for (const row of expected) {
    const at = unexpected.findIndex((candidate) => valueMatches(row, candidate));
    if (at >= 0) unexpected.splice(at, 1);
    else unmatched.push(row);
  }
  if (unmatched.length === 0 && unexpected.length === 0) return undefined;
  const differing: { expected: Row; actual: Row }[] = [];
  const missing: Row[] = [];
  for (const row of unmatched) {
    const stated = keyNames.filter((name) => Object.hasOwn(row, name));
    const key = pick(row, stated);
    const at =
      stated.length === 0
        ? -1
        : unexpected.findIndex((candidate) => valueMatches(key, pick(candidate, stated)));
    const partner = unexpected[at];
    if (partner === undefined) missing.push(row);
    else {
      unexpected.splice(at, 1);
      differing.push({ expected: row, actual: partner });
    }
  }
  return { differing, missing, unexpected };
};

const shown = (row: Row, name: string): string =>
  Object.hasOwn(row, name) ? formatValue(row[name]) : '(absent)';

const attributeLines = (expected: Row, actual: Row): string[] =>
  [...new Set([...Object.keys(expected), ...Object.keys(actual)])]
    .filter(
      (name) => !(Object.hasOwn(expected, name) && valueMatches(expected[name], actual[name])),
    )
    .map(
      (name) => `    ${name}: expected ${shown(expected, name)}, received ${shown(actual, name)}`,
    );

const count = (n: number, what: string): string | undefined => (n > 0 ? `${n} ${what}` : undefined);

/** The diff in words: a summary, then one block per row that differs, is missing or unexpected. */
export const describeRowsDiff = (diff: RowsDiff, keyNames: readonly string[]): string[] => [
  [
    count(diff.differing.length, diff.differing.length === 1 ? 'row differs' : 'rows differ'),
    count(diff.missing.length, 'missing'),
    count(diff.unexpected.length, 'unexpected'),
  ]
    .filter((part) => part !== undefined)
    .join(', '),
  ...diff.differing.flatMap(({ expected, actual }) => [
    `  row ${formatValue(
      pick(
        actual,
        keyNames.filter((name) => Object.hasOwn(expected, name)),
      ),
    )} differs:`,
    ...attributeLines(expected, actual),
  ]),
  ...diff.missing.map((row) => `  missing row ${formatValue(row)}`),
  ...diff.unexpected.map((row) => `  unexpected row ${formatValue(row)}`),
];

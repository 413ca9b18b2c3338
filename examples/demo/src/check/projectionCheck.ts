import { stableJson } from './stableJson.js';

/** The verdict on one projection table: equal to the recomputation, or how it differs. */
export interface ProjectionCheck {
  readonly table: string;
  /** How the expected table was computed, in a few words. */
  readonly basis: string;
  readonly expectedRows: number;
  readonly actualRows: number;
  /** Empty when the table is exact; otherwise a few differences, then a count. */
  readonly differences: readonly string[];
}

const SHOWN = 3;

/**
 * Compares two tables given as `key → content` (content in `stableJson`), and names the first
 * few keys that are missing, unexpected or different.
 */
export const compareTables = (
  table: string,
  basis: string,
  expected: ReadonlyMap<string, unknown>,
  actual: ReadonlyMap<string, unknown>,
): ProjectionCheck => {
  const differences: string[] = [];
  let count = 0;
  const note = (text: string) => {
    count++;
    if (differences.length < SHOWN) differences.push(text);
  };
  for (const [key, want] of expected) {
    const got = actual.get(key);
    if (got === undefined) note(`${key}: missing, expected ${stableJson(want)}`);
    else if (stableJson(got) !== stableJson(want))
      note(`${key}: expected ${stableJson(want)}, got ${stableJson(got)}`);
  }
  for (const [key, got] of actual)
    if (!expected.has(key)) note(`${key}: unexpected ${stableJson(got)}`);
  if (count > SHOWN) differences.push(`… ${count - SHOWN} more`);
  return { table, basis, expectedRows: expected.size, actualRows: actual.size, differences };
};

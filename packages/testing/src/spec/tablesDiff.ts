import { isRowMarkerAttribute, withoutRowMarkers } from '@sluice/projections';
import { describeRowsDiff, rowsDiff } from './rowsDiff.js';

type Row = Readonly<Record<string, unknown>>;

/**
 * The rows each named table must hold, exactly and in any order. Values may be asymmetric
 * matchers (`expect.any(String)`). Tables not named are not compared (marker tables, say); name a
 * table with `[]` to assert it is empty. Markers an aggregate keeps in its group rows (attributes
 * `sluice#…`) are left out, as marker tables are.
 */
export type ExpectedTables = Readonly<Record<string, readonly Row[]>>;

/** How `then` compares tables. */
export interface CompareOptions {
  /** Top-level attributes left out of every row on both sides (e.g. `eventId`, random per stream). */
  readonly ignoring?: readonly string[];
}

// A removed item's marker goes from its row when a later change reaches its expiry; which
// change that is depends on how shards interleave, so only live items' markers compare.
const withoutExpiringMarkers = (row: Row): Row =>
  Object.fromEntries(
    Object.entries(row).filter(
      ([name, value]) =>
        !isRowMarkerAttribute(name) || (value as { expiresAt?: unknown }).expiresAt === undefined,
    ),
  );

const without =
  (ignored: ReadonlySet<string>, markers: 'strip' | 'live') =>
  (row: Row): Row => {
    const kept = markers === 'strip' ? withoutRowMarkers(row) : withoutExpiringMarkers(row);
    return ignored.size === 0
      ? kept
      : Object.fromEntries(Object.entries(kept).filter(([key]) => !ignored.has(key)));
  };

const rowCount = (n: number): string => `${n} row${n === 1 ? '' : 's'}`;

/**
 * How the tables differ from the expected ones, as lines for a failure message (none: they
 * match). `keys` names each table's key attributes, to pair an expected row with the received one.
 * `declared`, when every projection names its tables: an expected table outside them is a typo,
 * refused even when expected empty (it would otherwise assert nothing). `markers: 'live'` compares
 * the markers of live items in group rows too (a faulty run must leave them as a clean pass does).
 */
export const tablesDiff = (
  expected: ExpectedTables,
  actual: Readonly<Record<string, readonly Row[]>>,
  keys: Readonly<Record<string, readonly string[]>>,
  options: CompareOptions = {},
  declared?: ReadonlySet<string>,
  markers: 'strip' | 'live' = 'strip',
): string[] => {
  const strip = without(new Set(options.ignoring ?? []), markers);
  const lines: string[] = [];
  for (const [name, rows] of Object.entries(expected)) {
    const found = Object.hasOwn(actual, name) ? actual[name] : undefined;
    if (found === undefined && declared !== undefined && !declared.has(name)) {
      lines.push(
        `table ${name}: no projection of this spec writes it (they write: ${[...declared].join(', ')})`,
      );
      continue;
    }
    if (found === undefined) {
      if (rows.length === 0) continue;
      const written = Object.keys(actual).join(', ') || 'none';
      lines.push(
        `table ${name}: expected ${rowCount(rows.length)}, but no row was written to it (tables written: ${written})`,
      );
      continue;
    }
    const keyNames = Object.hasOwn(keys, name) ? (keys[name] ?? []) : [];
    const diff = rowsDiff(rows.map(strip), found.map(strip), keyNames);
    if (diff === undefined) continue;
    const [summary, ...details] = describeRowsDiff(diff, keyNames);
    lines.push(
      `table ${name}: ${summary} (expected ${rowCount(rows.length)}, received ${found.length})`,
      ...details,
    );
  }
  return lines;
};

import type { RowKey } from '../plan/row.js';
import { rowId } from '../plan/rowId.js';

/** A mutable row as the in-memory store holds it. */
export type StoredRow = Record<string, unknown>;

type KeyValue = string | number;
type Level = Map<KeyValue, StoredRow | Map<KeyValue, StoredRow>>;

interface Table {
  /** The key attribute names, sorted: fixed by the first row, as a key schema would be. */
  readonly names: readonly string[];
  readonly first: string;
  readonly second: string | undefined;
  readonly rows: Level;
}

// Binary key values become strings no text value can equal (a lone surrogate prefix).
const indexValue = (value: string | number | Uint8Array): KeyValue =>
  value instanceof Uint8Array ? `\ud800${Buffer.from(value).toString('base64')}` : value;

/**
 * The rows of every table, indexed by key values (one Map level per key attribute, no key
 * strings to build): the in-memory store's whole state.
 */
export class TableData {
  private readonly tables = new Map<string, Table>();

  /** The row of `table` with this key, if any. */
  get(table: string, key: RowKey): StoredRow | undefined {
    const found = this.tables.get(table);
    if (found === undefined) return undefined;
    const { first, second } = found;
    const level = found.rows.get(indexValue(key[first]!));
    if (second === undefined || level === undefined) return level as StoredRow | undefined;
    return (level as Map<KeyValue, StoredRow>).get(indexValue(key[second]!));
  }

  /** The row whose key attributes, in sorted name order, hold these values (no key object needed). */
  getByValues(table: string, first: KeyValue, second?: KeyValue): StoredRow | undefined {
    const level = this.tables.get(table)?.rows.get(first);
    if (second === undefined || level === undefined) return level as StoredRow | undefined;
    return (level as Map<KeyValue, StoredRow>).get(second);
  }

  /** Replaces (or creates) the row of `table` with this key. */
  put(table: string, key: RowKey, row: StoredRow): void {
    const found = this.tableFor(table, key);
    const { first, second } = found;
    const a = indexValue(key[first]!);
    if (second === undefined) {
      found.rows.set(a, row);
      return;
    }
    let level = found.rows.get(a) as Map<KeyValue, StoredRow> | undefined;
    if (level === undefined) {
      level = new Map();
      found.rows.set(a, level);
    }
    level.set(indexValue(key[second]!), row);
  }

  /** Removes the row of `table` with this key, if there is one. */
  delete(table: string, key: RowKey): void {
    const found = this.tables.get(table);
    if (found === undefined) return;
    const { first, second } = found;
    const a = indexValue(key[first]!);
    if (second === undefined) found.rows.delete(a);
    else
      (found.rows.get(a) as Map<KeyValue, StoredRow> | undefined)?.delete(indexValue(key[second]!));
  }

  /** Every row of a table, ordered by `rowId` so that snapshots compare equal. */
  rows(table: string): StoredRow[] {
    const found = this.tables.get(table);
    if (found === undefined) return [];
    const all: StoredRow[] = [];
    for (const entry of found.rows.values())
      if (entry instanceof Map) for (const row of entry.values()) all.push(row);
      else all.push(entry);
    const keyOf = (row: StoredRow) =>
      rowId(table, Object.fromEntries(found.names.map((n) => [n, row[n]])) as RowKey);
    return all
      .map((row) => [keyOf(row), row] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, row]) => row);
  }

  /** Table names with at least one row ever written. */
  names(): string[] {
    return [...this.tables.keys()];
  }

  private tableFor(table: string, key: RowKey): Table {
    let found = this.tables.get(table);
    if (found === undefined) {
      const names = Object.keys(key).sort();
      if (names.length < 1 || names.length > 2)
        throw new TypeError(
          `table ${table}: a key has one or two attributes, got ${names.join(', ')}`,
        );
      found = { names, first: names[0]!, second: names[1], rows: new Map() };
      this.tables.set(table, found);
    }
    return found;
  }
}

import type { RowKey } from './row.js';
import { rowId } from './rowId.js';

type Value = string | number;
type Positions = Map<Value, number>;

/** One table's rows: keys of text and number values by their values, the rest by `rowId`. */
interface TableRows {
  /** One-attribute keys: name, then value. */
  readonly one: Map<string, Positions>;
  /** Two-attribute keys, names in sorted order: first name, second name, first value, second value. */
  readonly two: Map<string, Map<string, Map<Value, Positions>>>;
  /** Keys with a binary value, or with no or more than two attributes: by `rowId`. */
  readonly other: Positions;
}

const levelOf = <K, V>(map: Map<K, V>, key: K, create: boolean, make: () => V): V | undefined => {
  let level = map.get(key);
  if (level === undefined && create) {
    level = make();
    map.set(key, level);
  }
  return level;
};

const newMap = <K, V>(): Map<K, V> => new Map();

/**
 * Where the latest write of each row of a batch sits, found through the key's values rather than
 * a key string per write. Two keys find one position exactly when their `rowId`s are equal: same
 * attribute names whatever their order, values of one type and equal text (Map keys compare
 * numbers as `rowId`'s text does: NaN equals NaN, 0 equals -0); binary values go by `rowId`.
 */
export class RowPositions {
  private readonly tables = new Map<string, TableRows>();
  // The key under which `leafOf`'s answer holds the position (set by each call).
  private leafKey: Value = '';

  /** The position recorded for this row of `table`, if any. */
  get(table: string, key: RowKey): number | undefined {
    return this.leafOf(table, key, false)?.get(this.leafKey);
  }

  /** Records the position of this row's latest write. */
  set(table: string, key: RowKey, at: number): void {
    this.leafOf(table, key, true)!.set(this.leafKey, at);
  }

  // The map holding the row's position (created when `create`), with its key in `leafKey`.
  private leafOf(table: string, key: RowKey, create: boolean): Positions | undefined {
    const rows = levelOf(this.tables, table, create, () => ({
      one: new Map(),
      two: new Map(),
      other: new Map(),
    }));
    if (rows === undefined) return undefined;
    // Names as `rowId` walks them: the first two, and whether there are more.
    let first: string | undefined;
    let second: string | undefined;
    let more = false;
    for (const name in key) {
      if (first === undefined) first = name;
      else if (second === undefined) second = name;
      else {
        more = true;
        break;
      }
    }
    if (first === undefined || more) return this.byId(rows, key);
    const a = key[first]!;
    if (typeof a === 'object') return this.byId(rows, key);
    if (second === undefined) {
      this.leafKey = a;
      return levelOf(rows.one, first, create, newMap<Value, number>);
    }
    const b = key[second]!;
    if (typeof b === 'object') return this.byId(rows, key);
    const ordered = first < second;
    const byName = levelOf(
      rows.two,
      ordered ? first : second,
      create,
      newMap<string, Map<Value, Positions>>,
    );
    const byValue =
      byName && levelOf(byName, ordered ? second : first, create, newMap<Value, Positions>);
    this.leafKey = ordered ? b : a;
    return byValue && levelOf(byValue, ordered ? a : b, create, newMap<Value, number>);
  }

  private byId(rows: TableRows, key: RowKey): Positions {
    this.leafKey = rowId('', key);
    return rows.other;
  }
}

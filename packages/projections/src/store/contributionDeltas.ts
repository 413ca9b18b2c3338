import type { Amounts, RowKey } from '../plan/row.js';
import { rowId } from '../plan/rowId.js';
import { rowKeysEqual } from '../plan/rowKeysEqual.js';
import type { Contribute, Contribution } from '../plan/write.js';

/** What applying a `Contribute` adds to one group row; all-zero amounts still create the row. */
export interface GroupDelta {
  readonly group: RowKey;
  readonly amounts: Amounts;
}

type Sum = { readonly group: RowKey; readonly amounts: Record<string, number> };

// Past a few groups (an item that wandered through many in one batch) a lookup by key string
// keeps summing linear; below, comparing keys is cheaper than building strings.
const INDEX_FROM = 8;

/** Deltas summed per group, in first-named order. */
class GroupSums {
  readonly list: Sum[] = [];
  private index: Map<string, Sum> | undefined;

  find(group: RowKey): Sum | undefined {
    if (this.index !== undefined) return this.index.get(rowId('', group));
    for (const sum of this.list) if (rowKeysEqual(sum.group, group)) return sum;
    return undefined;
  }

  add(contribution: Contribution, sign: 1 | 0 | -1): void {
    let sum = this.find(contribution.group);
    if (sum === undefined) {
      sum = { group: contribution.group, amounts: {} };
      this.list.push(sum);
      if (this.index !== undefined) this.index.set(rowId('', sum.group), sum);
      else if (this.list.length === INDEX_FROM)
        this.index = new Map(this.list.map((s) => [rowId('', s.group), s]));
    }
    const { amounts } = contribution;
    for (const name in amounts)
      sum.amounts[name] = (sum.amounts[name] ?? 0) + sign * amounts[name]!;
  }
}

const allZero = (amounts: Amounts): boolean => {
  for (const name in amounts) if (amounts[name] !== 0) return false;
  return true;
};

/**
 * The contribution rule both stores apply when `write` is newer than the marker holding
 * `before`: minus `before`, plus the new contribution, zero for every group of `alsoTouches`
 * (so their rows exist as after a one-by-one pass), summed per group. A zero delta on `before`'s
 * group is left out: that row exists already, and both stores must leave identical rows.
 */
export const contributionDeltas = (
  before: Contribution | null,
  write: Pick<Contribute, 'contribution' | 'alsoTouches'>,
): readonly GroupDelta[] => {
  const sums = new GroupSums();
  for (const touched of write.alsoTouches) sums.add(touched, 0);
  if (write.contribution !== null) sums.add(write.contribution, 1);
  if (before === null) return sums.list;
  sums.add(before, -1);
  const own = sums.find(before.group)!;
  return allZero(own.amounts) ? sums.list.filter((sum) => sum !== own) : sums.list;
};

/**
 * What a stale `write` (its marker already holds this change or a later one) still owes: the rows
 * of the groups it names, zero for each amount. A clean pass creates them when it applies the
 * change; without this a change that arrives superseded (a redriven letter) would leave them out.
 * A store creates those that do not exist and changes nothing else, never the marker.
 */
export const staleTouches = (
  write: Pick<Contribute, 'contribution' | 'alsoTouches'>,
): readonly GroupDelta[] => {
  const sums = new GroupSums();
  if (write.contribution !== null) sums.add(write.contribution, 0);
  for (const touched of write.alsoTouches) sums.add(touched, 0);
  return sums.list;
};

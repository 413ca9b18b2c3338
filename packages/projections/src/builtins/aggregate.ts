import type { ChangeEvent, WithNewImage } from '@sluice/core';
import { markerIdOf } from '../plan/markerId.js';
import { markerPrefix } from '../plan/markerScope.js';
import type { Amounts, RowKey } from '../plan/row.js';
import {
  type Contribute,
  type Contribution,
  tombstoneExpiresAt,
  type Write,
} from '../plan/write.js';
import { defineProjection, type Projection } from '../projection/projection.js';
import { type BuiltinOptions, builtinDefinition } from './builtinOptions.js';

/** Settings of an aggregate projection (counts and sums per group). */
export interface AggregateOptions<T, V extends WithNewImage, K> extends BuiltinOptions<T, K> {
  /** The aggregate table: one row per group, keyed by the attributes `group` returns. */
  readonly table: string;
  /** The per-item marker table: partition key `markerId` (S). May be shared by aggregates. */
  readonly markerTable: string;
  /** Contributions are read from the new image, so the stream must carry it. */
  readonly viewType: V;
  /** The group an item counts in (e.g. `{ listId: task.listId }`); `null`: it counts nowhere. */
  readonly group: (item: T) => RowKey | null;
  /** What an item adds to its group. Default `{ count: 1 }`; sums should be integers (cents). */
  readonly amounts?: (item: T) => Amounts;
}

const COUNT_ONE: Amounts = { count: 1 };
const countOne = (): Amounts => COUNT_ONE;
const NO_TOUCHES: readonly Contribution[] = [];

/**
 * Counts and sums per group, exactly once in effect: each change states what its item now
 * contributes (`Contribute`), and the store applies the difference from the item's marker. INSERT
 * adds, REMOVE subtracts, a MODIFY that moves the item moves its amounts, other MODIFYs change nothing.
 */
export const aggregate = <T, V extends WithNewImage, K = Record<string, unknown>>(
  options: AggregateOptions<T, V, K>,
): Projection<T, V, K> => {
  const { table, markerTable, group } = options;
  const amounts = options.amounts ?? countOne;
  const definition = builtinDefinition(options);
  const prefix = markerPrefix(definition);
  const contributionOf = (item: T): Contribution | null => {
    const key = group(item);
    return key === null ? null : { group: key, amounts: amounts(item) };
  };
  return defineProjection<T, V, K>({
    ...definition,
    tables: [table, markerTable],
    plan: (event: ChangeEvent<T, V, K>): readonly Write[] => {
      const after = event.eventName === 'REMOVE' ? undefined : (event as { newImage: T }).newImage;
      const markerId = markerIdOf(prefix, event.itemKey);
      // Reading a character flattens the concatenation once here, rather than in every Map
      // lookup and comparison of the id downstream (planner, store).
      markerId.charCodeAt(0);
      // Two literals rather than a spread: a spread copies its properties one by one at runtime.
      const write: Contribute =
        after === undefined
          ? {
              _tag: 'Contribute',
              table,
              markerTable,
              markerId,
              sequenceNumber: event.sequenceNumber,
              contribution: null,
              alsoTouches: NO_TOUCHES,
              // A removed item's marker only guards against replays, which stop with the retention.
              expiresAt: tombstoneExpiresAt(event.approximateCreationTime),
            }
          : {
              _tag: 'Contribute',
              table,
              markerTable,
              markerId,
              sequenceNumber: event.sequenceNumber,
              contribution: contributionOf(after),
              alsoTouches: NO_TOUCHES,
            };
      return [write];
    },
  });
};

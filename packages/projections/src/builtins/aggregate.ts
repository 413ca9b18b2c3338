import type { ChangeEvent, WithNewImage } from '@sluice/core';
import { markerIdOf } from '../plan/markerId.js';
import { markerPrefix } from '../plan/markerScope.js';
import type { Amounts, RowKey } from '../plan/row.js';
import {
  type Contribute,
  type Contribution,
  rowMarkerTimes,
  tombstoneExpiresAt,
  type Write,
} from '../plan/write.js';
import { defineProjection, type Projection } from '../projection/projection.js';
import { type BuiltinOptions, builtinDefinition } from './builtinOptions.js';

/** Settings of an aggregate projection (counts and sums per group), markers in their own table. */
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

/**
 * Settings of an aggregate whose group follows from the source item's key (order lines per
 * order): each item's marker is kept in its group's row, so a change costs one conditional write
 * of that row, with no marker table and no transaction.
 */
export interface KeyedAggregateOptions<T, V extends WithNewImage, K> extends BuiltinOptions<T, K> {
  /** The aggregate table: one row per group, keyed by the attributes `groupOfKey` returns. */
  readonly table: string;
  /** Contributions are read from the new image, so the stream must carry it. */
  readonly viewType: V;
  /** The group of an item, from its (decoded) key alone, so it never changes (`{ orderId }`). */
  readonly groupOfKey: (key: K) => RowKey;
  /** What an item adds to its group (`null`: nothing). Default `{ count: 1 }`; integers. */
  readonly amounts?: (item: T) => Amounts | null;
}

const COUNT_ONE: Amounts = { count: 1 };
const countOne = (): Amounts => COUNT_ONE;
const NO_TOUCHES: readonly Contribution[] = [];

// Markers in the group row: the group comes from the key, so a REMOVE knows its row too.
const keyedAggregate = <T, V extends WithNewImage, K>(
  options: KeyedAggregateOptions<T, V, K>,
): Projection<T, V, K> => {
  const { table, groupOfKey } = options;
  const amounts = options.amounts ?? countOne;
  const definition = builtinDefinition(options);
  const prefix = markerPrefix(definition);
  return defineProjection<T, V, K>({
    ...definition,
    tables: [table],
    plan: (event: ChangeEvent<T, V, K>): readonly Write[] => {
      const after = event.eventName === 'REMOVE' ? undefined : (event as { newImage: T }).newImage;
      const markerRow = groupOfKey(event.keys);
      const added = after === undefined ? null : amounts(after);
      const write: Contribute = {
        _tag: 'Contribute',
        table,
        markerTable: table,
        markerId: markerIdOf(prefix, event.itemKey),
        sequenceNumber: event.sequenceNumber,
        contribution: added === null ? null : { group: markerRow, amounts: added },
        alsoTouches: NO_TOUCHES,
        markerRow,
        ...rowMarkerTimes(event.approximateCreationTime, after === undefined),
      };
      return [write];
    },
  });
};

/**
 * Counts and sums per group, exactly once in effect: each change states what its item now
 * contributes (`Contribute`), and the store applies the difference from the item's marker. INSERT
 * adds, REMOVE subtracts, a MODIFY that moves the item moves its amounts, other MODIFYs change nothing.
 * With `groupOfKey` instead of `group` and `markerTable`, the markers live in the group rows.
 */
export function aggregate<T, V extends WithNewImage, K = Record<string, unknown>>(
  options: AggregateOptions<T, V, K>,
): Projection<T, V, K>;
export function aggregate<T, V extends WithNewImage, K = Record<string, unknown>>(
  options: KeyedAggregateOptions<T, V, K>,
): Projection<T, V, K>;
export function aggregate<T, V extends WithNewImage, K = Record<string, unknown>>(
  options: AggregateOptions<T, V, K> | KeyedAggregateOptions<T, V, K>,
): Projection<T, V, K> {
  return 'groupOfKey' in options ? keyedAggregate(options) : markerTableAggregate(options);
}

const markerTableAggregate = <T, V extends WithNewImage, K>(
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

import type { AttributeMap, AttributeValue } from '../item/attributeMap.js';
import type { ItemUpdate } from './itemUpdate.js';
import type { WriteCondition } from './writeCondition.js';

/** Options of a single write. */
export interface WriteOptions<V = AttributeValue, I = AttributeMap> {
  readonly condition?: WriteCondition<V, I>;
  /** `ALL_OLD` puts the current item on the `ConditionalCheckFailedException` (its `Item`). */
  readonly returnValuesOnConditionCheckFailure?: 'ALL_OLD' | 'NONE';
}

/** One action of a transactional write: all succeed or none is applied. */
export type TransactWriteAction<V = AttributeValue, I = AttributeMap> =
  | ({ readonly type: 'put'; readonly item: I } & WriteOptions<V, I>)
  | ({ readonly type: 'update'; readonly key: I; readonly update: ItemUpdate<V, I> } & WriteOptions<
      V,
      I
    >)
  | ({ readonly type: 'delete'; readonly key: I } & WriteOptions<V, I>)
  | ({
      readonly type: 'conditionCheck';
      readonly key: I;
      readonly condition: WriteCondition<V, I>;
    } & Omit<WriteOptions<V, I>, 'condition'>);

/** One request of a batch write (no conditions, as in BatchWriteItem). */
export type BatchWriteRequest<I = AttributeMap> =
  | { readonly type: 'put'; readonly item: I }
  | { readonly type: 'delete'; readonly key: I };

/** What a batch write left undone; always empty unless a fault is injected. */
export interface BatchWriteResult<I = AttributeMap> {
  readonly unprocessed: BatchWriteRequest<I>[];
}

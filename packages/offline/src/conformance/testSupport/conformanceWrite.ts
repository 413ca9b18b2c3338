import type { AttributeValue } from '@aws-sdk/client-dynamodb';

type Item = Readonly<Record<string, AttributeValue>>;

/** A condition on the item as it is before the write. */
export type ConformanceCondition =
  | { readonly type: 'itemExists' }
  | { readonly type: 'itemNotExists' }
  | { readonly type: 'attributesEqual'; readonly attributes: Item };

/** `SET` / `REMOVE` / `ADD` / `DELETE` on top-level attributes, as in an update expression. */
export interface ConformanceUpdate {
  readonly set?: Item;
  readonly remove?: readonly string[];
  readonly add?: Item;
  readonly delete?: Item;
}

/** One write of a conformance script, in a form both DynamoDB Local and the in-memory table take. */
export type ConformanceWrite =
  | { readonly kind: 'put'; readonly item: Item; readonly condition?: ConformanceCondition }
  | {
      readonly kind: 'update';
      readonly key: Item;
      readonly update: ConformanceUpdate;
      readonly condition?: ConformanceCondition;
    }
  | { readonly kind: 'delete'; readonly key: Item; readonly condition?: ConformanceCondition }
  | {
      readonly kind: 'batch';
      readonly requests: readonly ({ readonly put: Item } | { readonly delete: Item })[];
    }
  | {
      readonly kind: 'transact';
      readonly actions: readonly Exclude<ConformanceWrite, { kind: 'batch' | 'transact' }>[];
    };

/** How a write ended: fine, or the name of the error DynamoDB threw. */
export type WriteOutcome = 'ok' | { readonly error: string };

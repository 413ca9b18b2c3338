/** An item or key as plain values, the way the DocumentClient takes them. */
export type PlainItem = Readonly<Record<string, unknown>>;

/** The two source tables of the demo. */
export type SourceName = 'orders' | 'todoListTask';

/** One step of the generated workload, applied to an in-memory table or to DynamoDB Local. */
export type Operation =
  | { readonly kind: 'put'; readonly table: SourceName; readonly item: PlainItem }
  | { readonly kind: 'delete'; readonly table: SourceName; readonly key: PlainItem }
  /** Delete under `from` and put `item` in one transaction (a task changing list). */
  | {
      readonly kind: 'move';
      readonly table: SourceName;
      readonly from: PlainItem;
      readonly item: PlainItem;
    }
  /** Time passes (on the demo's clock). */
  | { readonly kind: 'tick'; readonly ms: number }
  /** DynamoDB's TTL process deletes what has expired. */
  | { readonly kind: 'sweepTtl' }
  /** The streams' shards roll over, as they do every few hours on AWS. */
  | { readonly kind: 'rollover' };

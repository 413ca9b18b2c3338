import type { Write } from './write.js';

/**
 * The coalesced writes of one batch of records, ready for a store.
 *
 * Guarantees a store may rely on: at most one `Contribute` per marker (marker table and
 * `markerId`), so an item's changes within the batch are applied together or not at all.
 * `PutRow`s of one row may repeat: the store applies them in order (the last one wins) and never
 * puts two of one row in one request. `PutIfNewer`/`DeleteIfNewer` writes of one row repeat only
 * when they cannot merge (two source items, a put after a delete): the store applies them in
 * order, and a write of a row is unconfirmed whenever an earlier one of that row is. `origins[i]` is the index, in the
 * batch's records, of the earliest record that `writes[i]` carries.
 */
export interface PlannedBatch {
  readonly writes: readonly Write[];
  /** Same length as `writes`; used to turn unconfirmed writes back into the record to retry from. */
  readonly origins: readonly number[];
  /**
   * Optional hint, same length as `writes`: a key string per write (`rowId` of the marker or
   * row). The planner leaves it out; stores must not depend on it.
   */
  readonly ids?: readonly (string | undefined)[];
}

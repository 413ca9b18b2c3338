import type { ProjectionStore } from '../../store/projectionStore.js';

/** A store under test, plus the fault injection and request counting the contract needs. */
export interface StoreHarness {
  readonly store: ProjectionStore;
  /** Fault kinds `armFault` accepts, each tried by the crash test. */
  readonly faultKinds: readonly string[];
  /**
   * Arms a one-shot fault: the store's requests (writes, and reads where it makes any) go through
   * until `after` more have been made, then the next one fails with `kind`.
   */
  readonly armFault: (after: number, kind: string) => void;
  /** Requests (or atomic writes, for a store without requests) made so far. */
  readonly requests: () => number;
  /** Releases clients; tables may stay (they have unique names). */
  readonly dispose: () => Promise<void> | void;
}

/** Makes a fresh store whose tables are empty (for DynamoDB: new, uniquely named tables). */
export type MakeStoreHarness = () => Promise<StoreHarness>;

import * as E from 'fp-ts/lib/Either.js';
import type { ProjectionStore } from '../store/projectionStore.js';

/** A store that writes nothing and reports every write as made: what a dry run plans, not does. */
export const dryRunStore: ProjectionStore = {
  apply: async (batch) => E.right({ _tag: 'Applied', written: batch.writes.length, unchanged: 0 }),
  scan: async () => [],
};

import type { DeadLetterSink } from '../deadLetter/deadLetter.js';
import type { Projection } from '../projection/projection.js';
import type { ProjectionStore } from '../store/projectionStore.js';

/** What every batch run needs: the projections, where they write, where poison goes. */
export interface BatchSettings {
  readonly projections: readonly Projection[];
  readonly store: ProjectionStore;
  readonly deadLetters: DeadLetterSink;
  /** `skip` (default): dead-letter a poison record and go on; `block`: dead-letter it and stop there. */
  readonly poison?: 'skip' | 'block';
  /** The shard these records come from, when the runner knows it: dead letters keep it. */
  readonly shardId?: string;
  /** The stream's ARN, for records that do not carry it (Streams API shape): dead letters keep it. */
  readonly streamArn?: string;
}

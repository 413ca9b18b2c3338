import type { SeededRandom } from '../random/seededRandom.js';
import type { ResolvedFaults } from './deliveryFaults.js';
import type { Lane } from './lane.js';
import { ancestorsDone, type ShardStates } from './shardState.js';

/** Chooses the lanes that run next from the shards a mapping holds. */
export type LanePicker = (shards: ShardStates) => Lane[];

/**
 * Lanes with work whose shard may run, at most `concurrentBatches` of them: round-robin from a
 * cursor that moves each turn, or shuffled when the faults interleave shards.
 */
export const lanePicker = (faults: ResolvedFaults, random: SeededRandom): LanePicker => {
  let cursor = 0;
  return (shards) => {
    const ready = [...shards.values()]
      .flatMap((state) => (ancestorsDone(state, shards) ? state.lanes : []))
      .filter((lane) => lane.queue.length > 0);
    if (ready.length === 0) return [];
    if (faults.interleaveShards) {
      for (let i = ready.length - 1; i > 0; i--) {
        const j = random.int(0, i);
        [ready[i], ready[j]] = [ready[j] as Lane, ready[i] as Lane];
      }
    } else {
      const start = cursor % ready.length;
      ready.push(...ready.splice(0, start));
      cursor++;
    }
    return ready.slice(0, faults.concurrentBatches);
  };
};

import * as E from 'fp-ts/lib/Either.js';
import { processBatch } from '../batch/processBatch.js';
import type { DeadLetterSink } from '../deadLetter/deadLetter.js';
import type { DeadLetterTable } from '../deadLetter/deadLetterTable.js';
import { InMemoryDeadLetters } from '../deadLetter/inMemoryDeadLetters.js';
import { letterKeyOf, type StoredLetter, UNREADABLE } from '../deadLetter/storedLetter.js';
import type { Projection } from '../projection/projection.js';
import type { StoreError } from '../store/storeError.js';
import { dryRunStore } from './dryRunStore.js';
import type {
  RedriveCounts,
  RedriveFailed,
  RedriveOptions,
  RedriveSummary,
} from './redriveOptions.js';
import { beyondReplayWindow } from './replayWindow.js';
import { sortBySequence } from './sortBySequence.js';

type Counts = { -readonly [K in keyof RedriveCounts]: RedriveCounts[K] };
const zero = (): Counts => ({
  read: 0,
  applied: 0,
  stillPoison: 0,
  imagesOmitted: 0,
  beyondReplay: 0,
  removed: 0,
});

/**
 * Runs dead-lettered records again through the projections as they are now (a fixed codec):
 * each projection's letters, oldest first per item, in batches through `processBatch` — the
 * Lambda handler's path, so every write is idempotent and a letter whose item changed since
 * changes nothing. A letter is removed once its record is applied; one the codec still refuses
 * stays. Stopped or crashed, it can simply be run again.
 */
export const redrive = async (
  options: RedriveOptions,
): Promise<E.Either<RedriveFailed, RedriveSummary>> => {
  const partitions = options.projections.map((p) => ({ name: p.name, projections: [p] }));
  if (options.unreadable !== false)
    partitions.push({ name: UNREADABLE, projections: [...options.projections] });
  const counts: Record<string, Counts> = {};
  const summary = (): RedriveSummary => {
    const total = zero();
    for (const c of Object.values(counts))
      for (const key of Object.keys(total) as (keyof Counts)[]) total[key] += c[key];
    return { dryRun: options.dryRun === true, projections: { ...counts }, total };
  };
  for (const partition of partitions) {
    const partitionCounts = zero();
    counts[partition.name] = partitionCounts;
    const stopped = await redrivePartition(options, partition, partitionCounts);
    if (stopped !== undefined)
      return E.left({
        _tag: 'RedriveFailed',
        projection: partition.name,
        summary: summary(),
        message: `redrive of ${partition.name} stopped: ${stopped.message} (run it again to go on)`,
      });
  }
  return E.right(summary());
};

const readAll = async (
  letters: DeadLetterTable,
  projection: string,
): Promise<E.Either<StoreError, StoredLetter[]>> => {
  const all: StoredLetter[] = [];
  let after: string | undefined;
  do {
    const page = await letters.read(projection, after);
    if (E.isLeft(page)) return page;
    all.push(...page.right.letters);
    after = page.right.next;
  } while (after !== undefined);
  return E.right(all);
};

// New letters (a record of `*` now refused by one projection) are kept in the table too.
const both = (first: DeadLetterSink, second: DeadLetterSink): DeadLetterSink => ({
  send: async (letters) => {
    const sent = await first.send(letters);
    return E.isLeft(sent) ? sent : second.send(letters);
  },
});

// Redrives one partition; returns why it stopped early, if it did.
const redrivePartition = async (
  options: RedriveOptions,
  partition: { readonly name: string; readonly projections: readonly Projection[] },
  counts: Counts,
): Promise<StoreError | undefined> => {
  const { letters, dryRun = false } = options;
  const read = await readAll(letters, partition.name);
  if (E.isLeft(read)) return read.left;
  const sorted = sortBySequence(read.right);
  const now = (options.now ?? (() => new Date()))();
  const tooOld = (letter: StoredLetter) =>
    options.beyondReplayWindow !== true && beyondReplayWindow(letter.record, now);
  const readable = sorted.filter((letter) => !letter.imagesOmitted);
  const redrivable = readable.filter((letter) => !tooOld(letter));
  counts.read = sorted.length;
  counts.imagesOmitted = sorted.length - readable.length;
  counts.beyondReplay = readable.length - redrivable.length;
  const size = Math.max(1, options.batchSize ?? 100);
  for (let start = 0; start < redrivable.length; start += size) {
    const batch = redrivable.slice(start, start + size);
    const refused = new InMemoryDeadLetters();
    const streamArn = batch.find((letter) => letter.streamArn !== undefined)?.streamArn;
    const result = await processBatch(
      {
        projections: partition.projections,
        store: dryRun ? dryRunStore : options.store,
        deadLetters: dryRun ? refused : both(refused, letters),
        poison: 'skip',
        ...(options.inexactNumbers === undefined ? {} : { inexactNumbers: options.inexactNumbers }),
        ...(streamArn === undefined ? {} : { streamArn }),
      },
      batch.map((letter) => letter.record),
    );
    const handled = batch.slice(
      0,
      result._tag === 'BatchCompleted' ? batch.length : result.failedIndex,
    );
    const stillRefused = new Set(
      refused.letters
        .map(letterKeyOf)
        .filter((key) => key.projection === partition.name)
        .map((key) => key.letterId),
    );
    const applied = handled.filter((letter) => !stillRefused.has(letter.letterId));
    counts.applied += applied.length;
    counts.stillPoison += handled.length - applied.length;
    if (!dryRun && applied.length > 0) {
      const removed = await letters.remove(applied);
      if (E.isLeft(removed)) return removed.left;
      counts.removed += applied.length;
    }
    options.onProgress?.({ projection: partition.name, ...counts });
    if (result._tag === 'BatchFailed') return result.cause;
  }
  return undefined;
};

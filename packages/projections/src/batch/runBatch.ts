import * as E from 'fp-ts/lib/Either.js';
import type { DeadLetter, PoisonReason } from '../deadLetter/deadLetter.js';
import { BatchPlanner } from '../plan/batchPlanner.js';
import type { Projection } from '../projection/projection.js';
import { checkUniqueNames } from '../projection/uniqueNames.js';
import type { ProjectionStore } from '../store/projectionStore.js';
import { batchFailed, earliestOrigin } from './batchFailed.js';
import type { BatchFailure, BatchResult } from './batchResult.js';
import type { BatchSettings } from './batchSettings.js';
import { isolateRefusedWrites } from './isolateRefusedWrites.js';
import { isPermanentWriteFailure } from './permanentWriteFailure.js';
import type { AdmittedEvent, RecordSource } from './recordSource.js';

// Lists already found free of duplicate names: runners pass the same list to every batch.
const checked = new WeakSet<readonly Projection[]>();

/**
 * Filters, admits and plans every record, then applies the whole plan. Stops at the first record
 * that must be retried and never applies a later record's writes ahead of it: writes are planned
 * only up to a blocking record, and a store failure is reported at the earliest record whose
 * writes are not confirmed (records after it may have landed; replaying them is harmless).
 */
export const runBatch = async (
  settings: BatchSettings,
  source: RecordSource,
): Promise<BatchResult> => {
  const { projections, store, deadLetters } = settings;
  if (!checked.has(projections)) {
    checkUniqueNames(projections, 'processBatch');
    checked.add(projections);
  }
  const block = settings.poison === 'block';
  const planner = new BatchPlanner();
  const poison: DeadLetter[] = [];
  const letters: DeadLetter[] = [];
  const events: Array<AdmittedEvent | undefined> = new Array(projections.length);
  const refusals: Array<PoisonReason | undefined> = new Array(projections.length);
  // Records no projection wanted (every filter or view said no): counted for metrics.
  let filtered = 0;
  const letter = (index: number, projection: string | undefined, reason: PoisonReason) =>
    letters.push({
      projection,
      ...source.identity(index),
      reason,
      blocked: block,
      record: source.record(index),
      ...(settings.shardId === undefined ? {} : { shardId: settings.shardId }),
      ...(settings.streamArn === undefined ? {} : { streamArn: settings.streamArn }),
    });
  for (let i = 0; i < source.length; i++) {
    const unreadable = source.prepare(i, events, refusals);
    if (unreadable !== undefined) letter(i, undefined, unreadable);
    else
      for (let j = 0; j < projections.length; j++) {
        const reason = refusals[j];
        if (reason !== undefined) letter(i, projections[j]!.name, reason);
      }
    if (letters.length > 0) {
      const sent = await deadLetters.send(letters);
      if (E.isLeft(sent)) {
        const cause = sent.left;
        return stop(store, planner, source, i, poison, {
          _tag: 'DeadLetterRefused',
          cause,
          message: `dead-letter sink refused a poison record: ${cause.message}`,
        });
      }
      poison.push(...letters);
      if (block) {
        const first = letters[0]!;
        return stop(store, planner, source, i, poison, {
          _tag: 'PoisonBlocked',
          letter: first,
          message: `poison record blocks the batch: ${first.reason.message}`,
        });
      }
      letters.length = 0;
    }
    if (unreadable !== undefined) continue;
    let wanted = false;
    for (let j = 0; j < projections.length; j++) {
      const event = events[j];
      if (event !== undefined) planner.add(projections[j]!.plan(event), i);
      wanted ||= event !== undefined || refusals[j] !== undefined;
    }
    if (!wanted) filtered++;
  }
  const applied = await store.apply(planner.result());
  if (E.isRight(applied))
    return {
      _tag: 'BatchCompleted',
      processed: source.length,
      filtered,
      poison,
      applied: applied.right,
    };
  const from = earliestOrigin(planner.result(), applied.left.unconfirmed);
  if (!block && isPermanentWriteFailure(applied.left.cause)) {
    const isolated = await isolateRefusedWrites(settings, source, from, poison);
    return isolated._tag === 'BatchCompleted' ? { ...isolated, filtered } : isolated;
  }
  return batchFailed(source, from, poison, applied.left);
};

// Applies what was planned before the stopping record, then reports the stop (or an earlier failure).
const stop = async (
  store: ProjectionStore,
  planner: BatchPlanner,
  source: RecordSource,
  at: number,
  poison: readonly DeadLetter[],
  cause: BatchFailure,
): Promise<BatchResult> => {
  const applied = await store.apply(planner.result());
  if (E.isLeft(applied))
    return batchFailed(
      source,
      earliestOrigin(planner.result(), applied.left.unconfirmed),
      poison,
      applied.left,
    );
  return batchFailed(source, at, poison, cause);
};

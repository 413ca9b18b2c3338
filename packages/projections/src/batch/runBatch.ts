import * as E from 'fp-ts/lib/Either.js';
import type { Projection } from '../projection/projection.js';
import { checkUniqueNames } from '../projection/uniqueNames.js';
import type { Applied } from '../store/projectionStore.js';
import type { ApplyFailed } from '../store/storeError.js';
import { admitDecodedRecords } from './admitDecodedRecords.js';
import { batchFailed, earliestOrigin } from './batchFailed.js';
import type { BatchResult } from './batchResult.js';
import type { BatchSettings } from './batchSettings.js';
import { checkpointOf, type SettledBatch } from './checkpointOf.js';
import type { IncomingRecord } from './incomingRecord.js';
import { isolateRefusedWrites } from './isolateRefusedWrites.js';
import { isPermanentWriteFailure } from './permanentWriteFailure.js';
import { type PlannedRecords, planRecords } from './planRecords.js';
import { type RawDecoding, readRawRecords } from './readRawRecords.js';
import type { ReadRecord } from './readRecord.js';
import { type PoisonSent, sendPoison } from './sendPoison.js';

/** A batch as a runner hands it over: raw stream records, or changes decoded elsewhere. */
export type BatchInput =
  | { readonly _tag: 'Raw'; readonly records: readonly unknown[]; readonly decoding: RawDecoding }
  | { readonly _tag: 'Decoded'; readonly records: readonly IncomingRecord[] };

// Lists already found free of duplicate names: runners pass the same list to every batch.
const checked = new WeakSet<readonly Projection[]>();

/**
 * The one orchestrator, read top to bottom: decode and admit every record, send the poison ones
 * to the dead-letter sink (finding where a blocking one stops the batch), plan the records before
 * the stop, apply the plan, settle how far the batch got and give that as its checkpoint. Later
 * records' writes are never applied ahead of a stopping record; a store failure is reported at
 * the earliest record whose writes are not confirmed (records after it may have landed;
 * replaying them is harmless).
 */
export const runBatch = async (
  settings: BatchSettings,
  input: BatchInput,
): Promise<BatchResult> => {
  const { projections, store } = settings;
  checkNamesOnce(projections);
  const read = readBatch(projections, input);
  const sent = await sendPoison(settings, read);
  const planned = planRecords(projections, read, 0, sent.stop?.at ?? read.length);
  const applied = await store.apply(planned.plan);
  const outcome = await settle(settings, read, sent, planned, applied);
  return { ...outcome, checkpoint: checkpointOf(read, outcome.processed) };
};

const checkNamesOnce = (projections: readonly Projection[]): void => {
  if (checked.has(projections)) return;
  checkUniqueNames(projections, 'processBatch');
  checked.add(projections);
};

// How far the batch got once its plan was applied: to its end, to a stop, or to a store failure
// (a write refused for good is traced to its records first, unless poison blocks).
const settle = async (
  settings: BatchSettings,
  read: readonly ReadRecord[],
  { poison, stop }: PoisonSent,
  { plan, filtered }: PlannedRecords,
  applied: E.Either<ApplyFailed, Applied>,
): Promise<SettledBatch> => {
  if (E.isLeft(applied)) {
    const from = earliestOrigin(plan, applied.left.unconfirmed);
    const refused = isPermanentWriteFailure(applied.left.cause);
    if (stop === undefined && settings.poison !== 'block' && refused) {
      const isolated = await isolateRefusedWrites(settings, read, from, poison);
      return isolated._tag === 'BatchCompleted' ? { ...isolated, filtered } : isolated;
    }
    return batchFailed(read, from, poison, applied.left);
  }
  if (stop !== undefined) return batchFailed(read, stop.at, poison, stop.cause);
  const processed = read.length;
  return { _tag: 'BatchCompleted', processed, filtered, poison, applied: applied.right };
};

// Decode (raw records only) and admission: what each projection makes of each record.
const readBatch = (projections: readonly Projection[], input: BatchInput): ReadRecord[] =>
  input._tag === 'Raw'
    ? readRawRecords(projections, input.decoding, input.records)
    : admitDecodedRecords(projections, input.records);

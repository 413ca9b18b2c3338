import * as E from 'fp-ts/lib/Either.js';
import type { Projection } from '../projection/projection.js';
import { checkUniqueNames } from '../projection/uniqueNames.js';
import { admitDecodedRecords } from './admitDecodedRecords.js';
import { batchFailed, earliestOrigin } from './batchFailed.js';
import type { BatchResult } from './batchResult.js';
import type { BatchSettings } from './batchSettings.js';
import type { IncomingRecord } from './incomingRecord.js';
import { isolateRefusedWrites } from './isolateRefusedWrites.js';
import { isPermanentWriteFailure } from './permanentWriteFailure.js';
import { planRecords } from './planRecords.js';
import { type RawDecoding, readRawRecords } from './readRawRecords.js';
import type { ReadRecord } from './readRecord.js';
import { sendPoison } from './sendPoison.js';

/** A batch as a runner hands it over: raw stream records, or changes decoded elsewhere. */
export type BatchInput =
  | { readonly _tag: 'Raw'; readonly records: readonly unknown[]; readonly decoding: RawDecoding }
  | { readonly _tag: 'Decoded'; readonly records: readonly IncomingRecord[] };

// Lists already found free of duplicate names: runners pass the same list to every batch.
const checked = new WeakSet<readonly Projection[]>();

/**
 * The one orchestrator, read top to bottom: decode and admit every record, send the poison ones
 * to the dead-letter sink (finding where a blocking one stops the batch), plan the records before
 * the stop, apply the plan, and report how far the batch got. Later records' writes are never
 * applied ahead of a stopping record; a store failure is reported at the earliest record whose
 * writes are not confirmed (records after it may have landed; replaying them is harmless).
 */
export const runBatch = async (
  settings: BatchSettings,
  input: BatchInput,
): Promise<BatchResult> => {
  const { projections, store } = settings;
  if (!checked.has(projections)) {
    checkUniqueNames(projections, 'processBatch');
    checked.add(projections);
  }
  const read = readBatch(projections, input);
  const { poison, stop } = await sendPoison(settings, read);
  const { plan, filtered } = planRecords(projections, read, 0, stop?.at ?? read.length);
  const applied = await store.apply(plan);
  if (E.isLeft(applied)) {
    const from = earliestOrigin(plan, applied.left.unconfirmed);
    if (
      stop === undefined &&
      settings.poison !== 'block' &&
      isPermanentWriteFailure(applied.left.cause)
    ) {
      const isolated = await isolateRefusedWrites(settings, read, from, poison);
      return isolated._tag === 'BatchCompleted' ? { ...isolated, filtered } : isolated;
    }
    return batchFailed(read, from, poison, applied.left);
  }
  if (stop !== undefined) return batchFailed(read, stop.at, poison, stop.cause);
  return {
    _tag: 'BatchCompleted',
    processed: read.length,
    filtered,
    poison,
    applied: applied.right,
  };
};

// Decode (raw records only) and admission: what each projection makes of each record.
const readBatch = (projections: readonly Projection[], input: BatchInput): ReadRecord[] =>
  input._tag === 'Raw'
    ? readRawRecords(projections, input.decoding, input.records)
    : admitDecodedRecords(projections, input.records);

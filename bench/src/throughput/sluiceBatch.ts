import { changeEventDecoder } from '@sluice/core';
import {
  InMemoryDeadLetters,
  InMemoryProjectionStore,
  type PlannedBatch,
  planBatch,
  processBatch,
} from '@sluice/projections';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { BenchOrderLineCodec, BenchOrderLineKeyCodec } from '../orders/benchOrderLine.js';
import {
  handlerProjections,
  historyProjection,
  linesPerOrderProjection,
} from '../orders/benchProjections.js';

/**
 * Contender (c), as a Sluice Lambda handler runs a batch: decode every record with the io-ts
 * codecs, plan the order-history and lines-per-order projections for the whole batch, and apply
 * the plan to a fresh in-memory store (so no network I/O is timed). Throws if any record failed.
 */
export const sluiceBatch = async (event: DynamoDBStreamEvent): Promise<number> => {
  const result = await processBatch(
    {
      projections: handlerProjections,
      store: new InMemoryProjectionStore(),
      deadLetters: new InMemoryDeadLetters(),
    },
    event.Records,
  );
  if (result._tag !== 'BatchCompleted' || result.poison.length > 0)
    throw new Error(`Sluice did not process the batch cleanly: ${JSON.stringify(result)}`);
  return result.applied.written;
};

const decoder = changeEventDecoder({
  item: BenchOrderLineCodec,
  keys: BenchOrderLineKeyCodec,
  viewType: 'NEW_AND_OLD_IMAGES',
});

/** Sluice's decode step alone: typed, validated change events for the whole batch. */
export const sluiceDecode = (event: DynamoDBStreamEvent): number => {
  const decoded = decoder.decodeBatch(event.Records);
  if (decoded.failures.length > 0) throw new Error(decoded.failures[0]!.message);
  return decoded.events.length;
};

/** Sluice's decode and plan steps, without applying: what a store would be handed. */
export const sluiceDecodeAndPlan = (event: DynamoDBStreamEvent): PlannedBatch[] => {
  const { events, failures } = decoder.decodeBatch(event.Records);
  if (failures.length > 0) throw new Error(failures[0]!.message);
  return [planBatch(historyProjection, events), planBatch(linesPerOrderProjection, events)];
};

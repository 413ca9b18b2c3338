import { itemKeyOf } from '@sluice/core';
import type { DynamoDBRecord } from 'aws-lambda';
import { hash32 } from '../random/hash32.js';

/**
 * One of a shard's `ParallelizationFactor` lanes: the records waiting in it and the retry state
 * of the batch at its head.
 */
export interface Lane {
  readonly shardId: string;
  readonly index: number;
  /** Records read and not yet acknowledged or discarded, in sequence order. */
  readonly queue: DynamoDBRecord[];
  /** Sizes of the next batches (bisected halves, an exact redelivery); empty: `BatchSize`. */
  sizes: number[];
  /** Failed invocations of the head batch that used up a retry. */
  retries: number;
  /** Invocations that included the head record. */
  invokeCount: number;
  /** Faults injected since the head last moved. */
  faultsInARow: number;
  lastOutcome: 'FunctionError' | 'PartialFailure' | undefined;
  /** The fault that shapes the next invocation, for the log. */
  nextFault: 'duplicate' | 'regrouped' | undefined;
}

/** An empty lane. */
export const newLane = (shardId: string, index: number): Lane => ({
  shardId,
  index,
  queue: [],
  sizes: [],
  retries: 0,
  invokeCount: 0,
  faultsInARow: 0,
  lastOutcome: undefined,
  nextFault: undefined,
});

/**
 * The lane a record belongs to: by item key, so all changes of one item stay in one lane, in
 * order, whatever the parallelization factor (the only order DynamoDB Streams promises).
 */
export const laneIndexOf = (record: DynamoDBRecord, lanes: number): number =>
  lanes === 1 ? 0 : hash32(itemKeyOf(record.dynamodb?.Keys ?? {})) % lanes;

/** Forgets the head's retry state once the head has moved on. */
export const headMoved = (lane: Lane): void => {
  lane.retries = 0;
  lane.invokeCount = 0;
  lane.faultsInARow = 0;
  lane.lastOutcome = undefined;
  lane.nextFault = undefined;
};

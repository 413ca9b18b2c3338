import type {
  DescribeStreamInput,
  GetRecordsInput,
  GetShardIteratorInput,
  Shard as SdkShard,
  StreamDescription,
} from '@aws-sdk/client-dynamodb-streams';
import type { Clock, StreamViewType } from '@sluice/core';
import { type KeySchema, keySchemaElements } from '../item/keySchema.js';
import { canonicalSequenceNumber } from './sequenceNumbers.js';
import type { Shard } from './shard.js';
import { decodeShardIterator, encodeShardIterator } from './shardIterator.js';
import type { ShardLineage } from './shardLineage.js';
import {
  expiredIterator,
  resourceNotFound,
  streamValidationException,
  trimmedDataAccess,
} from './streamErrors.js';
import { ITERATOR_LIFETIME_MS, MAX_BYTES_PER_READ, MAX_RECORDS_PER_READ } from './streamLimits.js';
import type { InMemoryStreamRecord } from './streamRecord.js';

/** What `getRecords` returns: the SDK's `GetRecordsOutput` without `$metadata`. */
export interface InMemoryGetRecordsOutput {
  readonly Records: InMemoryStreamRecord[];
  /** Absent at the end of a closed shard, as in DynamoDB. */
  readonly NextShardIterator?: string;
}

const TRIMMED =
  'Attempted to access data that has been trimmed: the records are older than 24 hours.';

const limitProblem = (limit: number, max: number): string | undefined =>
  !Number.isInteger(limit) || limit < 1
    ? 'Limit should be greater than or equal to 1'
    : limit > max
      ? `Limit should be less than or equal to ${max}`
      : undefined;

/** What the Streams API reads of one in-memory stream: its names, its shards and its clock. */
export interface StreamReadState {
  readonly streamArn: string;
  readonly streamLabel: string;
  readonly tableName: string;
  readonly viewType: StreamViewType;
  readonly keySchema: KeySchema;
  readonly createdAt: Date;
  readonly clock: Clock;
  readonly lineage: ShardLineage;
  /** False once the table stopped writing to the stream. */
  enabled(): boolean;
  /** Applies retention and timed rollovers up to now, before shards are listed or read. */
  maintain(): void;
}

/**
 * The Streams API's read operations (`DescribeStream`, `GetShardIterator`, `GetRecords`) over one
 * in-memory stream, with DynamoDB's validation, paging, trimming and iterator expiry. They throw
 * the Streams SDK's exceptions, like `DynamoDBStreamsClient` does.
 */
export class StreamsApiReads {
  constructor(private readonly stream: StreamReadState) {}

  /** The stream's shards with lineage and sequence ranges (`DescribeStream`), paged by `Limit`. */
  describeStream(input: DescribeStreamInput = { StreamArn: this.stream.streamArn }): {
    StreamDescription: StreamDescription;
  } {
    this.checkArn(input.StreamArn);
    const limit = input.Limit ?? 100;
    const problem = limitProblem(limit, 100);
    if (problem)
      throw streamValidationException(`One or more parameter values were invalid: ${problem}`);
    this.stream.maintain();
    const shards = this.stream.lineage.shards;
    let start = 0;
    if (input.ExclusiveStartShardId !== undefined) {
      const after = input.ExclusiveStartShardId;
      const index = shards.findIndex((s) => s.spec.shardId === after);
      // Shard ids start with their creation time, so an id no longer listed still has a place.
      start = index >= 0 ? index + 1 : shards.findIndex((s) => s.spec.shardId > after);
      if (start < 0) start = shards.length;
    }
    const page = shards.slice(start, start + limit);
    const more = start + limit < shards.length;
    return {
      StreamDescription: {
        StreamArn: this.stream.streamArn,
        StreamLabel: this.stream.streamLabel,
        StreamStatus: this.stream.enabled() ? 'ENABLED' : 'DISABLED',
        StreamViewType: this.stream.viewType,
        CreationRequestDateTime: new Date(this.stream.createdAt.getTime()),
        TableName: this.stream.tableName,
        KeySchema: keySchemaElements(this.stream.keySchema),
        Shards: page.map(describeShard),
        ...(more ? { LastEvaluatedShardId: page[page.length - 1]?.spec.shardId } : {}),
      },
    };
  }

  /** An iterator at TRIM_HORIZON, LATEST, AT_ or AFTER_SEQUENCE_NUMBER of a shard (`GetShardIterator`). */
  getShardIterator(input: GetShardIteratorInput): { ShardIterator: string } {
    this.checkArn(input.StreamArn);
    this.stream.maintain();
    const shard = this.stream.lineage.find(input.ShardId);
    if (shard === undefined) {
      throw resourceNotFound(
        `Requested resource not found: Shard: ${input.ShardId} in Stream: ${this.stream.streamArn} not found`,
      );
    }
    const position = startPosition(shard, input);
    return { ShardIterator: this.iteratorAt(shard, position, this.stream.clock.now()) };
  }

  /** Up to `Limit` (default and max 1000) records and the next iterator (`GetRecords`). */
  getRecords(input: GetRecordsInput): InMemoryGetRecordsOutput {
    const limit = input.Limit ?? MAX_RECORDS_PER_READ;
    const problem = limitProblem(limit, MAX_RECORDS_PER_READ);
    if (problem)
      throw streamValidationException(`One or more parameter values were invalid: ${problem}`);
    const iterator = decodeShardIterator(input.ShardIterator);
    if (iterator === undefined || iterator.streamArn !== this.stream.streamArn) {
      throw streamValidationException('Invalid ShardIterator');
    }
    const nowMs = this.stream.clock.now();
    if (nowMs - iterator.issuedAtMs >= ITERATOR_LIFETIME_MS) {
      throw expiredIterator(
        `Iterator expired. The iterator was created at time ${new Date(iterator.issuedAtMs).toISOString()} while right now it is ${new Date(nowMs).toISOString()} which is further in the future than the tolerated delay of ${ITERATOR_LIFETIME_MS} milliseconds.`,
      );
    }
    this.stream.maintain();
    const shard = this.stream.lineage.find(iterator.shardId);
    if (shard === undefined) {
      // A shard dropped after retention: everything it held is trimmed.
      if (this.stream.lineage.wasForgotten(iterator.shardId)) throw trimmedDataAccess(TRIMMED);
      throw resourceNotFound(`Requested resource not found: Shard: ${iterator.shardId} not found`);
    }
    if (iterator.position > shard.end) throw streamValidationException('Invalid ShardIterator');
    if (iterator.position < shard.trimHorizon) throw trimmedDataAccess(TRIMMED);
    const Records = shard.read(iterator.position, limit, MAX_BYTES_PER_READ);
    const position = iterator.position + Records.length;
    if (!shard.isOpen && position >= shard.end) return { Records };
    return { Records, NextShardIterator: this.iteratorAt(shard, position, nowMs) };
  }

  private iteratorAt(shard: Shard, position: number, issuedAtMs: number): string {
    return encodeShardIterator({
      streamArn: this.stream.streamArn,
      shardId: shard.spec.shardId,
      position,
      issuedAtMs,
    });
  }

  private checkArn(arn: string | undefined): void {
    if (arn !== this.stream.streamArn) {
      throw resourceNotFound(`Requested resource not found: Stream: ${arn} not found`);
    }
  }
}

/** Where an iterator of the requested type starts in `shard`. */
const startPosition = (shard: Shard, input: GetShardIteratorInput): number => {
  switch (input.ShardIteratorType) {
    case 'TRIM_HORIZON':
      return shard.trimHorizon;
    case 'LATEST':
      return shard.end;
    case 'AT_SEQUENCE_NUMBER':
    case 'AFTER_SEQUENCE_NUMBER': {
      const wanted = canonicalSequenceNumber(input.SequenceNumber);
      const last = shard.lastSequenceNumber ?? shard.spec.startingSequenceNumber;
      if (wanted === undefined || wanted < shard.spec.startingSequenceNumber || wanted > last) {
        throw streamValidationException(
          'One or more parameter values were invalid: Invalid SequenceNumber',
        );
      }
      const oldest = shard.oldestRetainedSequenceNumber;
      if (shard.trimHorizon > 0 && (oldest === undefined || wanted < oldest)) {
        throw trimmedDataAccess(
          `Attempted to access data that has been trimmed: sequence number ${input.SequenceNumber}.`,
        );
      }
      return shard.positionOf(wanted, input.ShardIteratorType === 'AFTER_SEQUENCE_NUMBER');
    }
    default:
      throw streamValidationException(
        `One or more parameter values were invalid: Invalid ShardIteratorType ${String(input.ShardIteratorType)}`,
      );
  }
};

const describeShard = (shard: Shard): SdkShard => ({
  ShardId: shard.spec.shardId,
  ...(shard.spec.parentShardId ? { ParentShardId: shard.spec.parentShardId } : {}),
  SequenceNumberRange: {
    StartingSequenceNumber: shard.spec.startingSequenceNumber,
    ...(shard.endingSequenceNumber ? { EndingSequenceNumber: shard.endingSequenceNumber } : {}),
  },
});

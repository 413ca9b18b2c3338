import {
  type _Record,
  type DynamoDBStreamsClient,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import * as E from 'fp-ts/lib/Either.js';
import { getRecords } from '../poller/reading/getRecords.js';
import { type StreamCallFailed, streamCallFailed } from '../poller/reading/streamCallFailed.js';
import type { BatchInfo } from './batchInfo.js';

/** GetRecords answers in a row with nothing, on an open shard, before reading stops short. */
const MAX_EMPTY_READS = 10;

/** What reading a batch's range found: its records, and whether the read reached its end. */
export interface BatchRange {
  readonly records: readonly _Record[];
  /** False when the shard kept answering empty pages before the range's last record. */
  readonly complete: boolean;
}

const sequenceOf = (record: _Record): bigint => BigInt(record.dynamodb?.SequenceNumber ?? '0');

/**
 * Reads exactly the records from `startSequenceNumber` to `endSequenceNumber` of the batch's
 * shard (AT_SEQUENCE_NUMBER, then GetRecords until past the end or the shard's end).
 */
export const readBatchRange = async (
  streams: Pick<DynamoDBStreamsClient, 'send'>,
  info: BatchInfo,
): Promise<E.Either<StreamCallFailed, BatchRange>> => {
  const { streamArn, shardId } = info;
  let iterator: string | undefined;
  try {
    const out = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ShardIteratorType: 'AT_SEQUENCE_NUMBER',
        SequenceNumber: info.startSequenceNumber,
      }),
    );
    iterator = out.ShardIterator;
  } catch (error) {
    return E.left(streamCallFailed('GetShardIterator', streamArn, shardId, error));
  }
  const start = BigInt(info.startSequenceNumber);
  const end = BigInt(info.endSequenceNumber);
  const records: _Record[] = [];
  let empty = 0;
  while (iterator !== undefined) {
    const page = await getRecords(streams, streamArn, shardId, iterator, 1000);
    if (E.isLeft(page)) return page;
    for (const record of page.right.records) {
      const at = sequenceOf(record);
      if (at > end) return E.right({ records, complete: true });
      if (at >= start) records.push(record);
      if (at === end) return E.right({ records, complete: true });
    }
    empty = page.right.records.length === 0 ? empty + 1 : 0;
    if (empty >= MAX_EMPTY_READS) return E.right({ records, complete: false });
    iterator = page.right.nextIterator;
  }
  return E.right({ records, complete: true });
};

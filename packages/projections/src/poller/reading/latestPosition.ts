import type { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { SequenceNumber } from '@sluice/core';
import * as E from 'fp-ts/lib/Either.js';
import { getRecords } from './getRecords.js';
import { openIterator } from './openIterator.js';
import type { StreamCallFailed } from './streamCallFailed.js';

/** A position that does not move: after this sequence number, or from the shard's oldest record. */
export type FixedPosition = SequenceNumber | 'TRIM_HORIZON';

/**
 * Where LATEST stands on a shard now, as a position a lease can keep: the sequence number of the
 * newest record the shard holds, or TRIM_HORIZON when it holds none (then every record it will
 * ever hold is newer than this call). A LATEST iterator cannot be stored, so the shard is read
 * from its oldest record up to its tip. Stopping early (an empty page before the tip) only moves
 * the position back, so records are processed again, never skipped.
 */
export const latestPosition = async (
  streams: Pick<DynamoDBStreamsClient, 'send'>,
  streamArn: string,
  shardId: string,
  batchSize: number,
): Promise<E.Either<StreamCallFailed, FixedPosition>> => {
  let last: SequenceNumber | undefined;
  let iterator: string | undefined;
  for (;;) {
    if (iterator === undefined) {
      const opened = await openIterator(streams, streamArn, shardId, last ?? 'TRIM_HORIZON');
      if (E.isLeft(opened)) return opened;
      if (opened.right === undefined) break;
      iterator = opened.right;
    }
    const page = await getRecords(streams, streamArn, shardId, iterator, batchSize);
    if (E.isLeft(page)) return page;
    const { records, nextIterator } = page.right;
    if (records.length === 0) break;
    const newest = records.at(-1)?.dynamodb?.SequenceNumber as SequenceNumber | undefined;
    // A record without a sequence number gives nothing to reopen after: keep what we have.
    if (newest === undefined && nextIterator === undefined) break;
    last = newest ?? last;
    // Missing on a closed shard's last page and on DynamoDB Local's open shards: reopen after
    // the last record, which reads empty once the tip is reached.
    iterator = nextIterator;
  }
  return E.right(last ?? 'TRIM_HORIZON');
};

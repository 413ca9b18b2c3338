import type { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import * as E from 'fp-ts/lib/Either.js';
import type { Lease } from '../lease/lease.js';
import { latestPosition } from '../reading/latestPosition.js';
import type { StreamCallFailed } from '../reading/streamCallFailed.js';

/**
 * New leases with every LATEST request replaced by where LATEST stands now, so that a stored
 * lease always starts at a position that does not move: a poller stopped or killed before its
 * first checkpoint resumes there and misses nothing written meanwhile. All or nothing: a lease
 * created on its own would make the next sync a "later start", which reads from TRIM_HORIZON.
 */
export const fixStarts = async (
  streams: Pick<DynamoDBStreamsClient, 'send'>,
  batchSize: number,
  leases: readonly Lease[],
): Promise<E.Either<StreamCallFailed, Lease[]>> => {
  const fixed: Lease[] = [];
  for (const lease of leases) {
    if (lease.checkpoint !== 'LATEST') {
      fixed.push(lease);
      continue;
    }
    const position = await latestPosition(streams, lease.streamArn, lease.shardId, batchSize);
    if (E.isLeft(position)) return position;
    fixed.push({ ...lease, checkpoint: position.right });
  }
  return E.right(fixed);
};

import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { describeErrors } from '@sluice/core';
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { type Lease, LeaseCodec } from './lease.js';

/** A lease table item in DynamoDB's attribute-value form. */
export type LeaseItem = Record<string, AttributeValue>;

/** Lease → item: strings as S, the counter as N, parent shard ids as a list (a set cannot be empty). */
export const toLeaseItem = (lease: Lease): LeaseItem => ({
  streamArn: { S: lease.streamArn },
  shardId: { S: lease.shardId },
  leaseCounter: { N: String(lease.leaseCounter) },
  checkpoint: { S: lease.checkpoint },
  parentShardIds: { L: lease.parentShardIds.map((id) => ({ S: id })) },
  ...(lease.owner === undefined ? {} : { owner: { S: lease.owner } }),
  ...(lease.handoffTo === undefined ? {} : { handoffTo: { S: lease.handoffTo } }),
});

/** Item → lease, validated; a message naming the bad field when the item is not a lease. */
export const fromLeaseItem = (item: LeaseItem): E.Either<string, Lease> => {
  const plain: Record<string, unknown> = {
    streamArn: item.streamArn?.S,
    shardId: item.shardId?.S,
    leaseCounter: item.leaseCounter?.N === undefined ? undefined : Number(item.leaseCounter.N),
    checkpoint: item.checkpoint?.S,
    parentShardIds: item.parentShardIds?.L?.map((v) => v.S),
  };
  if (item.owner?.S !== undefined) plain.owner = item.owner.S;
  if (item.handoffTo?.S !== undefined) plain.handoffTo = item.handoffTo.S;
  return pipe(
    LeaseCodec.decode(plain),
    E.mapLeft(
      (errors) => `malformed lease item ${JSON.stringify(item)}: ${describeErrors(errors)}`,
    ),
  );
};

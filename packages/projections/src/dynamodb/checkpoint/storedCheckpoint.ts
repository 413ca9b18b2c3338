import { SequenceNumberCodec } from '@sluice/core';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { PathReporter } from 'io-ts/lib/PathReporter.js';
import type { Checkpoint } from '../../checkpoint/checkpointStore.js';

/** A checkpoint item as read back from DynamoDB (decoded, not trusted). */
const StoredCheckpointCodec = t.intersection([
  t.type({ sequenceNumber: SequenceNumberCodec }),
  t.partial({ leaseCounter: t.number }),
]);

/** A checkpoint item whose attributes are not what the store writes. */
export interface CorruptCheckpoint {
  readonly _tag: 'CorruptCheckpoint';
  readonly tableName: string;
  readonly message: string;
}

/** Decodes a checkpoint item (unmarshalled); `undefined` when there is none. */
export const decodeCheckpoint = (
  tableName: string,
  item: Record<string, unknown> | undefined,
): E.Either<CorruptCheckpoint, Checkpoint | undefined> => {
  if (item === undefined) return E.right(undefined);
  const decoded = StoredCheckpointCodec.decode(item);
  if (E.isLeft(decoded))
    return E.left({
      _tag: 'CorruptCheckpoint',
      tableName,
      message: `checkpoint item in ${tableName} is malformed: ${PathReporter.report(decoded).join('; ')}`,
    });
  return E.right({
    sequenceNumber: decoded.right.sequenceNumber,
    leaseCounter: decoded.right.leaseCounter,
  });
};

/**
 * Unmarshalls the two attributes a checkpoint needs from the raw `Item` a failed condition
 * returns (`ReturnValuesOnConditionCheckFailure`): errors bypass lib-dynamodb's unmarshalling.
 */
export const fromRawItem = (raw: unknown): Record<string, unknown> | undefined => {
  if (raw === null || typeof raw !== 'object') return undefined;
  const item = raw as Record<string, { S?: unknown; N?: unknown } | undefined>;
  const counter = item.leaseCounter?.N;
  return {
    sequenceNumber: item.sequenceNumber?.S,
    ...(typeof counter === 'string' ? { leaseCounter: Number(counter) } : {}),
  };
};

import * as E from 'fp-ts/lib/Either.js';
import { latestPosition } from './latestPosition.js';
import { writeOrLose } from './leaseWrites.js';
import { recoverStreamCall } from './recoverStreamCall.js';
import type { ReaderExit, ShardReader } from './shardReader.js';

/**
 * A LATEST stored by an earlier version: fixes where LATEST stands and writes it to the lease
 * before reading, or a stop before the first checkpoint would resume at a later LATEST and skip
 * what came in between. `undefined`: go round again.
 */
export const fixLatestStart = async (reader: ShardReader): Promise<ReaderExit | undefined> => {
  const { ctx, shardId } = reader;
  const { streams, streamArn, batchSize, workerId } = ctx.settings;
  const fixed = await latestPosition(streams, streamArn, shardId, batchSize);
  if (E.isLeft(fixed)) return recoverStreamCall(reader, fixed.left);
  const change = { owner: workerId, checkpoint: fixed.right };
  const pinned = await writeOrLose(reader, change, 'refused fixing its start');
  if (pinned !== 'written') return pinned;
  reader.position = fixed.right;
  ctx.emit({ _tag: 'StartFixed', shardId, checkpoint: reader.position });
  return undefined;
};

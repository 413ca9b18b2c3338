import type { DeadLetter, PoisonReason } from '../deadLetter/deadLetter.js';
import type { BatchSettings } from './batchSettings.js';
import { type ReadRecord, readIdentity } from './readRecord.js';

/** The dead letter of one record for one projection (`undefined`: for every projection). */
export const poisonLetter = (
  settings: BatchSettings,
  read: ReadRecord,
  projection: string | undefined,
  reason: PoisonReason,
  blocked: boolean,
): DeadLetter => ({
  projection,
  ...readIdentity(read),
  reason,
  blocked,
  record: read.record,
  ...(settings.shardId === undefined ? {} : { shardId: settings.shardId }),
  ...(settings.streamArn === undefined ? {} : { streamArn: settings.streamArn }),
});

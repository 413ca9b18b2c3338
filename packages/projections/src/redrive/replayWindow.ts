import { tombstoneExpiresAt } from '../plan/write.js';

const field = (value: unknown, name: string): unknown =>
  value !== null && typeof value === 'object'
    ? (value as Record<string, unknown>)[name]
    : undefined;

/** When the change a record carries was made, in epoch ms; `undefined` if the record does not say. */
const changedAtMs = (record: unknown): number | undefined => {
  const time = field(field(record, 'dynamodb'), 'ApproximateCreationDateTime');
  if (time instanceof Date) return time.getTime();
  return typeof time === 'number' && Number.isFinite(time) ? time * 1000 : undefined;
};

/**
 * Whether a record's change is past the replay window: the markers and tombstones that tell a
 * stale change from a new one expire with it (`tombstoneExpiresAt`), so applying it now could
 * count again what was removed since. A record without a time is given the benefit of the doubt.
 */
export const beyondReplayWindow = (record: unknown, now: Date): boolean => {
  const at = changedAtMs(record);
  return at !== undefined && now.getTime() / 1000 >= tombstoneExpiresAt(new Date(at));
};

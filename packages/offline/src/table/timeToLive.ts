import type { AttributeValue } from '../item/attributeMap.js';

const FIVE_YEARS_SECONDS = 5 * 365 * 24 * 60 * 60;

/**
 * Whether a TTL attribute value has expired at `nowMs`: a number of epoch seconds at or before
 * now and not more than five years in the past (AWS skips older values). Other types never expire.
 */
export const ttlExpired = (value: AttributeValue | undefined, nowMs: number): boolean => {
  if (value?.N === undefined) return false;
  const expiresAt = Number(value.N);
  const now = nowMs / 1000;
  return expiresAt <= now && expiresAt >= now - FIVE_YEARS_SECONDS;
};

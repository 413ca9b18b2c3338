import { createHash } from 'node:crypto';

/** Marker ids up to this many UTF-8 bytes are the prefix and item key as they are; longer ones are hashed. */
export const MAX_PLAIN_MARKER_ID_BYTES = 1024;

/**
 * The marker id of a source item: `<prefix><item key>`, unless that passes
 * `MAX_PLAIN_MARKER_ID_BYTES` (a source key near DynamoDB's 2,048 + 1,024-byte key limits would
 * break the marker table's 2,048-byte partition key), then `<prefix>#<sha256 of the item key>`.
 * Item keys start with a digit or `[`, never `#`, so a hashed id never equals a plain one, and
 * SHA-256 keeps hashed ids apart. Short ids (nearly all) stay as before: no marker moves.
 */
export const markerIdOf = (prefix: string, itemKey: string): string => {
  const id = prefix + itemKey;
  // A UTF-16 unit is at most 3 UTF-8 bytes: short strings need no byte count.
  if (id.length * 3 <= MAX_PLAIN_MARKER_ID_BYTES) return id;
  if (Buffer.byteLength(id, 'utf8') <= MAX_PLAIN_MARKER_ID_BYTES) return id;
  return `${prefix}#${createHash('sha256').update(itemKey, 'utf8').digest('base64url')}`;
};

/** What a shard iterator points at; the token itself is opaque to callers. */
export interface ShardIteratorPosition {
  readonly streamArn: string;
  readonly shardId: string;
  /** Absolute record position in the shard. */
  readonly position: number;
  readonly issuedAtMs: number;
}

/** Encodes a position as an iterator token (`<streamArn>|<shardId>|<position>|<issuedAt>`). */
export const encodeShardIterator = (p: ShardIteratorPosition): string =>
  `${p.streamArn}|${p.shardId}|${p.position}|${p.issuedAtMs}`;

const INTEGER = /^\d+$/;

/** Decodes an iterator token; `undefined` when it is not one of ours. */
export const decodeShardIterator = (token: unknown): ShardIteratorPosition | undefined => {
  if (typeof token !== 'string') return undefined;
  const parts = token.split('|');
  if (parts.length !== 4) return undefined;
  const [streamArn = '', shardId = '', position = '', issuedAt = ''] = parts;
  if (streamArn === '' || shardId === '' || !INTEGER.test(position) || !INTEGER.test(issuedAt))
    return undefined;
  return { streamArn, shardId, position: Number(position), issuedAtMs: Number(issuedAt) };
};

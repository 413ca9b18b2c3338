import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { ScannedItem } from './scanSource.js';

const valueBytes = (value: AttributeValue): number => {
  if (value.S !== undefined) return Buffer.byteLength(value.S);
  if (value.N !== undefined) return Math.ceil(value.N.length / 2) + 1;
  if (value.B !== undefined) return value.B.byteLength;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS !== undefined) return value.SS.reduce((sum, s) => sum + Buffer.byteLength(s), 0);
  if (value.NS !== undefined)
    return value.NS.reduce((sum, n) => sum + Math.ceil(n.length / 2) + 1, 0);
  if (value.BS !== undefined) return value.BS.reduce((sum, b) => sum + b.byteLength, 0);
  if (value.L !== undefined) return 3 + value.L.reduce((sum, v) => sum + 1 + valueBytes(v), 0);
  if (value.M !== undefined) return 3 + itemBytes(value.M);
  return 0;
};

/**
 * An item's size roughly as DynamoDB bills it (names plus values, numbers about a byte per two
 * digits): for snapshot records' `SizeBytes` and read units where no table reports them.
 */
export const itemBytes = (item: ScannedItem): number => {
  let bytes = 0;
  for (const name of Object.keys(item)) bytes += Buffer.byteLength(name) + valueBytes(item[name]!);
  return bytes;
};

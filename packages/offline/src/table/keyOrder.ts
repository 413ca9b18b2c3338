import type { AttributeValue } from '../item/attributeMap.js';
import type { KeyAttributeType } from '../item/keySchema.js';
import { compareDynamoNumbers, parseDynamoNumber } from './dynamoNumber.js';

const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);

/** Byte order of the UTF-8 encodings, which is code-point order (DynamoDB's order for S keys). */
export const compareUtf8 = (a: string, b: string): number => {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // UTF-16 order differs from code-point order only when a surrogate meets U+E000..U+FFFF.
    if (x >= 0xd800 && y >= 0xd800)
      return (x >= 0xe000 ? x - 0x800 : x + 0x2000) - (y >= 0xe000 ? y - 0x800 : y + 0x2000);
    return x - y;
  }
  return a.length - b.length;
};

/** Unsigned byte order (DynamoDB's order for B keys). */
export const compareUnsignedBytes = (a: Uint8Array, b: Uint8Array): number => {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
};

/** Signed (Java) byte order: DynamoDB Local returns binary sets in this order, so we store them so. */
export const compareSignedBytes = (a: Uint8Array, b: Uint8Array): number => {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const d = (((a[i] as number) << 24) >> 24) - (((b[i] as number) << 24) >> 24);
    if (d !== 0) return d;
  }
  return a.length - b.length;
};

/** Order of two key values of the given type, as Query returns them: -1, 0 or 1. */
export const compareKeyValues = (
  type: KeyAttributeType,
  a: AttributeValue,
  b: AttributeValue,
): number => {
  switch (type) {
    case 'S':
      return sign(compareUtf8(a.S as string, b.S as string));
    case 'B':
      return sign(compareUnsignedBytes(a.B as Uint8Array, b.B as Uint8Array));
    case 'N': {
      const x = parseDynamoNumber(a.N as string);
      const y = parseDynamoNumber(b.N as string);
      if (typeof x === 'string' || typeof y === 'string')
        throw new TypeError('key numbers are validated on write');
      return sign(compareDynamoNumbers(x, y));
    }
  }
};

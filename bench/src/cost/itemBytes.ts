import type { AttributeValue } from '@aws-sdk/client-dynamodb';

/** An item in DynamoDB's wire JSON, as a request body carries it. */
export type WireItem = Record<string, AttributeValue>;

const utf8 = (s: string): number => Buffer.byteLength(s, 'utf8');

// Numbers: about one byte per two significant digits, plus one (DynamoDB's item-size rules).
const numberBytes = (text: string): number => {
  const digits = text.replace(/^[-+]|[eE].*$|\./g, '').replace(/^0+|0+$/g, '');
  return Math.ceil(Math.max(digits.length, 1) / 2) + 1;
};

// The wire form carries binaries as base64.
const binaryBytes = (base64: string): number => Buffer.from(base64, 'base64').byteLength;

/**
 * Bytes of one wire AttributeValue by DynamoDB's documented item-size rules: strings and
 * binaries by length, numbers by significant digits, booleans and null 1 byte, lists and maps
 * 3 bytes plus 1 per element, sets the sum of their elements.
 */
export const attributeValueBytes = (value: AttributeValue): number => {
  const v = value as unknown as Record<string, unknown>;
  if (typeof v.S === 'string') return utf8(v.S);
  if (typeof v.N === 'string') return numberBytes(v.N);
  if (typeof v.B === 'string') return binaryBytes(v.B);
  if (v.BOOL !== undefined || v.NULL !== undefined) return 1;
  if (Array.isArray(v.SS)) return (v.SS as string[]).reduce((n, s) => n + utf8(s), 0);
  if (Array.isArray(v.NS)) return (v.NS as string[]).reduce((n, s) => n + numberBytes(s), 0);
  if (Array.isArray(v.BS)) return (v.BS as string[]).reduce((n, s) => n + binaryBytes(s), 0);
  if (Array.isArray(v.L))
    return (v.L as AttributeValue[]).reduce((n, e) => n + 1 + attributeValueBytes(e), 3);
  if (v.M !== undefined && typeof v.M === 'object') {
    let n = 3;
    for (const [name, e] of Object.entries(v.M as WireItem))
      n += 1 + utf8(name) + attributeValueBytes(e);
    return n;
  }
  return 0;
};

/** Bytes of a whole item: every attribute's name plus its value. */
export const itemBytes = (item: WireItem): number => {
  let n = 0;
  for (const [name, value] of Object.entries(item)) n += utf8(name) + attributeValueBytes(value);
  return n;
};

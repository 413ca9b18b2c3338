import type { AttributeMap, AttributeValue } from '../item/attributeMap.js';
import { canonicalIntegerSize, dynamoNumberSize, parseDynamoNumber } from './dynamoNumber.js';
import { utf8Length } from './utf8Length.js';

const numberSize = (text: string): number => {
  const fast = canonicalIntegerSize(text);
  if (fast > 0) return fast;
  const parsed = parseDynamoNumber(text);
  return typeof parsed === 'string' ? 0 : dynamoNumberSize(parsed);
};

/** DynamoDB size of an already admitted (valid, canonical) value, without checking it again. */
export const valueSize = (value: AttributeValue): number => {
  if (value.S !== undefined) return utf8Length(value.S);
  if (value.N !== undefined) return numberSize(value.N);
  if (value.B !== undefined) return value.B.byteLength;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS !== undefined) return value.SS.reduce((sum, s) => sum + utf8Length(s), 0);
  if (value.NS !== undefined) return value.NS.reduce((sum, n) => sum + numberSize(n), 0);
  if (value.BS !== undefined) return value.BS.reduce((sum, b) => sum + b.byteLength, 0);
  if (value.L !== undefined) return value.L.reduce((sum, v) => sum + 1 + valueSize(v), 3);
  if (value.M !== undefined) return 3 + attributesSize(value.M, 1);
  return 0;
};

/** DynamoDB size of admitted attributes; `perAttribute` is 1 inside a map, 0 for a whole item. */
export const attributesSize = (attributes: AttributeMap, perAttribute = 0): number => {
  let size = 0;
  for (const name of Object.keys(attributes)) {
    size += utf8Length(name) + perAttribute + valueSize(attributes[name] as AttributeValue);
  }
  return size;
};

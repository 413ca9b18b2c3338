import { type AttributeMap, type AttributeValue, memberOf } from '../item/attributeMap.js';
import type { KeySchema, TableKeyAttribute } from '../item/keySchema.js';
import { hash32 } from '../random/hash32.js';
import { validationException } from './dynamoDbErrors.js';
import { dynamoNumberSize, parseDynamoNumber } from './dynamoNumber.js';
import { utf8Length } from './utf8Length.js';

/** Where an item lives: its identity string, its partition and the key attributes alone. */
export interface ItemKey {
  /** Unique string for the full primary key (the storage map key). */
  readonly id: string;
  /** Unique string for the partition key value. */
  readonly partitionId: string;
  /** 32-bit hash of the partition key: picks the stream shard and the scan segment. */
  readonly hash: number;
  /** Only the key attributes, frozen, as stream records carry them in `Keys`. */
  readonly keys: AttributeMap;
  /** Size of `keys` in DynamoDB bytes (the `SizeBytes` of a KEYS_ONLY record). */
  readonly keysSize: number;
  /** The sort key value, when the table has one. */
  readonly sortValue: AttributeValue | undefined;
}

const MAX_PARTITION_KEY_BYTES = 2048;
const MAX_SORT_KEY_BYTES = 1024;

const invalid = (message: string) =>
  validationException(`One or more parameter values were invalid: ${message}`);

/** Type-tagged text of a scalar key value, unique per value (numbers are already canonical). */
const scalarId = (attribute: TableKeyAttribute, value: AttributeValue): string => {
  switch (attribute.type) {
    case 'S':
      return `S${value.S}`;
    case 'N':
      return `N${value.N}`;
    case 'B': {
      const b = value.B as Uint8Array;
      return `B${Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1')}`;
    }
  }
};

const valueBytes = (attribute: TableKeyAttribute, value: AttributeValue): number => {
  if (attribute.type === 'S') return utf8Length(value.S as string);
  if (attribute.type === 'B') return (value.B as Uint8Array).byteLength;
  const parsed = parseDynamoNumber(value.N as string);
  return typeof parsed === 'string' ? 0 : dynamoNumberSize(parsed);
};

const checkKeyValue = (
  attribute: TableKeyAttribute,
  value: AttributeValue | undefined,
  wholeItem: boolean,
): AttributeValue => {
  if (value === undefined) {
    // DynamoDB Local's wording (AWS names the key: "Missing the key <name> in the item").
    throw wholeItem
      ? validationException('One of the required keys was not given a value')
      : validationException('The provided key element does not match the schema');
  }
  if (memberOf(value, attribute.type) === undefined) {
    // DynamoDB Local's wording (AWS adds "<name> expected: <type> actual: <type>").
    throw wholeItem
      ? invalid('Type mismatch for key')
      : validationException('The provided key element does not match the schema');
  }
  if (attribute.type === 'S' && value.S === '') {
    throw validationException(
      `One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: ${attribute.name}`,
    );
  }
  if (attribute.type === 'B' && (value.B as Uint8Array).byteLength === 0) {
    throw validationException(
      `One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty binary value. Key: ${attribute.name}`,
    );
  }
  return value;
};

const keyOf = (schema: KeySchema, attributes: AttributeMap, wholeItem: boolean): ItemKey => {
  const { partitionKey, sortKey } = schema;
  const pk = checkKeyValue(partitionKey, attributes[partitionKey.name], wholeItem);
  if (valueBytes(partitionKey, pk) > MAX_PARTITION_KEY_BYTES) {
    throw invalid(
      `Size of hashkey has exceeded the maximum size limit of ${MAX_PARTITION_KEY_BYTES} bytes`,
    );
  }
  const partitionId = scalarId(partitionKey, pk);
  let keysSize = utf8Length(partitionKey.name) + valueBytes(partitionKey, pk);
  const keys: AttributeMap = { [partitionKey.name]: pk };
  let id = partitionId;
  let sortValue: AttributeValue | undefined;
  if (sortKey) {
    sortValue = checkKeyValue(sortKey, attributes[sortKey.name], wholeItem);
    if (valueBytes(sortKey, sortValue) > MAX_SORT_KEY_BYTES) {
      throw invalid(
        `Aggregated size of all range keys has exceeded the size limit of ${MAX_SORT_KEY_BYTES} bytes`,
      );
    }
    keys[sortKey.name] = sortValue;
    keysSize += utf8Length(sortKey.name) + valueBytes(sortKey, sortValue);
    id = `${partitionId.length}:${partitionId}${scalarId(sortKey, sortValue)}`;
  }
  return {
    id,
    partitionId,
    hash: hash32(partitionId),
    keys: Object.freeze(keys),
    keysSize,
    sortValue,
  };
};

/** The key of a whole item (put): key attributes must be present, typed right and non-empty. */
export const keyOfItem = (schema: KeySchema, item: AttributeMap): ItemKey =>
  keyOf(schema, item, true);

/** A key given on its own (get, delete, update): exactly the key attributes, nothing else. */
export const keyOfKey = (schema: KeySchema, key: AttributeMap): ItemKey => {
  const expected = schema.sortKey ? 2 : 1;
  if (Object.keys(key).length !== expected) {
    throw validationException('The number of conditions on the keys is invalid');
  }
  return keyOf(schema, key, false);
};

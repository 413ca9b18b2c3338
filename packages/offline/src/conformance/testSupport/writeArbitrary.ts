import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import fc from 'fast-check';
import type { ConformanceWrite } from './conformanceWrite.js';

// Few keys and few values, so random scripts hit no-op writes, re-inserts and type clashes often.
const key = fc.record({
  pk: fc.constantFrom('a', 'b', 'c').map((S): AttributeValue => ({ S })),
  sk: fc.constantFrom('1', '2').map((N): AttributeValue => ({ N })),
});

// Numbers are spelled non-canonically only where DynamoDB Local normalizes them too (top-level
// attributes of PutItem): it keeps the text of numbers in lists, maps and UpdateItem's SET, where
// DynamoDB stores the number.
const canonicalNumber = fc.constantFrom('1', '2', '10', '-0.5').map((N): AttributeValue => ({ N }));
const anyNumber = fc
  .constantFrom('1', '1.0', '01', '2', '-0', '1e1', '10')
  .map((N): AttributeValue => ({ N }));

const nestedValue: fc.Arbitrary<AttributeValue> = fc.oneof(
  fc.constantFrom('', 'x').map((S) => ({ S })),
  canonicalNumber,
  fc.boolean().map((BOOL) => ({ BOOL })),
  fc.constant({ NULL: true }),
);

const valueWith = (number: fc.Arbitrary<AttributeValue>): fc.Arbitrary<AttributeValue> =>
  fc.oneof(
    fc.constantFrom('', 'x', 'y').map((S) => ({ S })),
    number,
    fc.constantFrom([], [1], [1, 2]).map((bytes) => ({ B: new Uint8Array(bytes) })),
    fc.uniqueArray(fc.constantFrom('p', 'q', 'r'), { minLength: 1 }).map((SS) => ({ SS })),
    fc.uniqueArray(fc.constantFrom('1', '2', '3'), { minLength: 1 }).map((NS) => ({ NS })),
    fc.boolean().map((BOOL) => ({ BOOL })),
    fc.constant({ NULL: true }),
    fc.array(nestedValue, { maxLength: 2 }).map((L) => ({ L })),
    fc.dictionary(fc.constantFrom('m', 'n'), nestedValue, { maxKeys: 2 }).map((M) => ({ M })),
  );

const attributeNames = fc.constantFrom('s', 't', 'u');
const putAttributes = fc.dictionary(attributeNames, valueWith(anyNumber), { maxKeys: 3 });
const setAttributes = fc.dictionary(attributeNames, valueWith(canonicalNumber), { maxKeys: 3 });
const names = fc.uniqueArray(attributeNames, { maxLength: 2 });
const addable = fc.dictionary(
  attributeNames,
  fc.oneof(
    fc.constantFrom('1', '-1', '0.5').map((N): AttributeValue => ({ N })),
    fc.constantFrom(['p'], ['q', 'r']).map((SS): AttributeValue => ({ SS: [...SS] })),
  ),
  { maxKeys: 1 },
);

/** One random put, update or delete on a small key space. */
export const writeArbitrary: fc.Arbitrary<ConformanceWrite> = fc.oneof(
  fc
    .record({ k: key, a: putAttributes })
    .map(({ k, a }): ConformanceWrite => ({ kind: 'put', item: { ...a, ...k } })),
  fc
    .record({ k: key, set: setAttributes, remove: names, add: addable })
    .filter(({ set, remove, add }) => {
      const touched = [...Object.keys(set), ...remove, ...Object.keys(add)];
      return touched.length > 0 && new Set(touched).size === touched.length;
    })
    .map(
      ({ k, set, remove, add }): ConformanceWrite => ({
        kind: 'update',
        key: k,
        update: { set, remove, add },
      }),
    ),
  key.map((k): ConformanceWrite => ({ kind: 'delete', key: k })),
);

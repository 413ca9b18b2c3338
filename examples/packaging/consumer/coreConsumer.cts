// A strict CommonJS consumer of the published @sluice/core: compiled with tsc (nodenext), then run.
import { strict as assert } from 'node:assert';
import {
  type ChangeEvent,
  compareSequenceNumbers,
  itemKeyOf,
  parseSequenceNumber,
  type SequenceNumber,
} from '@sluice/core';

const parsed = (digits: string): SequenceNumber => {
  const result = parseSequenceNumber(digits);
  if (result._tag === 'Left') throw new Error(result.left.message);
  return result.right;
};

assert.ok(compareSequenceNumbers(parsed('9'.repeat(21)), parsed(`1${'0'.repeat(21)}`)) < 0);
assert.equal(
  itemKeyOf({ a: { S: '1' }, b: { N: '2' } }),
  itemKeyOf({ b: { N: '2' }, a: { S: '1' } }),
);

type Order = { readonly id: string };
const oldImageOf = (event: ChangeEvent<Order, 'KEYS_ONLY'>): string =>
  // @ts-expect-error a KEYS_ONLY stream carries no images at all
  event.eventName === 'REMOVE' ? event.oldImage.id : '';
void oldImageOf;
console.log('core consumer (CommonJS) ok');

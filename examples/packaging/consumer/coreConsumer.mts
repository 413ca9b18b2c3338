// A strict ESM consumer of the published @sluice/core: compiled with tsc (nodenext), then run.
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
assert.equal(parseSequenceNumber('12')._tag, 'Left');

type Order = { readonly id: string };
const describeEvent = (event: ChangeEvent<Order, 'NEW_AND_OLD_IMAGES'>): string => {
  switch (event.eventName) {
    case 'INSERT':
      // @ts-expect-error an INSERT has no old image, whatever the stream view type
      return event.oldImage.id;
    case 'MODIFY':
      return `${event.oldImage.id} -> ${event.newImage.id}`;
    case 'REMOVE':
      return event.oldImage.id;
  }
};
void describeEvent;
console.log('core consumer (ESM) ok');

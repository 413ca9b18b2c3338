import { marshall } from '@aws-sdk/util-dynamodb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderLineArbitrary } from './orderLineArbitrary.js';
import { orderLineAttributes } from './orderLineAttributes.js';

describe('orderLineAttributes', () => {
  it('writes any order line exactly as util-dynamodb marshall does', () => {
    fc.assert(
      fc.property(orderLineArbitrary, (line) => {
        expect(orderLineAttributes(line)).toStrictEqual(marshall(line));
      }),
      { numRuns: 200 },
    );
  });
});

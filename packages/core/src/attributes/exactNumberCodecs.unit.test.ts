import { NumberValueImpl } from '@aws-sdk/util-dynamodb';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { BigIntFromNumberAttribute } from './bigIntFromNumberAttribute.js';
import { DecimalString } from './decimalString.js';
import { canonicalDecimal } from './decimalText.js';
import { unmarshallItem } from './unmarshall.js';

const Invoice = t.type({ amount: DecimalString, counter: BigIntFromNumberAttribute });

const decodeInvoice = (amount: string, counter: string) => {
  const item = unmarshallItem(
    { amount: { N: amount }, counter: { N: counter } },
    { inexactNumbers: 'wrap' },
  );
  return E.isLeft(item) ? item : Invoice.decode(item.right);
};

describe('DecimalString', () => {
  it('keeps all 38 digits of a number JS cannot hold', () => {
    expect(
      DecimalString.decode(new NumberValueImpl('12345678901234567890.123456789012345678')),
    ).toEqual(E.right('12345678901234567890.123456789012345678'));
  });

  it('reads numbers, bigints and decimal text alike', () => {
    expect(DecimalString.decode(12.5)).toEqual(E.right('12.5'));
    expect(DecimalString.decode(10n ** 30n)).toEqual(E.right(`1${'0'.repeat(30)}`));
    expect(DecimalString.decode('-0.001')).toEqual(E.right('-0.001'));
  });

  it('rejects what is not a number', () => {
    for (const u of ['abc', '', Number.NaN, Number.POSITIVE_INFINITY, null, {}, true]) {
      expect(E.isLeft(DecimalString.decode(u))).toBe(true);
    }
  });

  it('decodes any DynamoDB number to the same decimal value it was written as', () => {
    const digits = fc.bigInt({ min: 0n, max: 10n ** 38n - 1n });
    fc.assert(
      fc.property(digits, fc.nat(38), (n, scale) => {
        const text = n.toString().padStart(scale + 1, '0');
        const decimal = `${text.slice(0, text.length - scale)}.${text.slice(text.length - scale)}`;
        const decoded = decodeInvoice(decimal, '1');
        expect(E.isRight(decoded) && canonicalDecimal(decoded.right.amount)).toBe(
          canonicalDecimal(decimal),
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('BigIntFromNumberAttribute', () => {
  it('reads whole numbers of any size exactly', () => {
    expect(BigIntFromNumberAttribute.decode(7)).toEqual(E.right(7n));
    expect(BigIntFromNumberAttribute.decode(2n ** 80n)).toEqual(E.right(2n ** 80n));
    expect(BigIntFromNumberAttribute.decode(new NumberValueImpl('1.5E+3'))).toEqual(E.right(1500n));
    expect(BigIntFromNumberAttribute.decode('000042')).toEqual(E.right(42n));
  });

  it('rejects fractions rather than truncate them', () => {
    for (const u of [1.5, new NumberValueImpl('10.01'), '3.14', 2 ** 60, 'x', null]) {
      expect(E.isLeft(BigIntFromNumberAttribute.decode(u))).toBe(true);
    }
  });

  it('round-trips any integer of up to 38 digits through an N attribute', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 38n) + 1n, max: 10n ** 38n - 1n }), (n) => {
        expect(decodeInvoice('1', n.toString())).toEqual(E.right({ amount: '1', counter: n }));
      }),
      { numRuns: 200 },
    );
  });
});

import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import fc from 'fast-check';

type AttributeMap = Record<string, AttributeValue>;

/** Number texts a double holds exactly: integers within ±2^53 and `String()` of safe doubles. */
export const exactNumberText = fc.oneof(
  fc.maxSafeInteger().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }).map((n) => String(n)),
);

/** Number texts of every kind DynamoDB may hold: huge integers, 38-digit decimals, exponents. */
export const anyNumberText = fc.oneof(
  exactNumberText,
  fc.bigInt({ min: -(10n ** 38n), max: 10n ** 38n }).map(String),
  fc
    .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 38n }), fc.nat(38))
    .map(([negative, digits, scale]) => {
      const text = digits.toString().padStart(scale + 1, '0');
      const point = text.length - scale;
      return `${negative ? '-' : ''}${text.slice(0, point)}.${text.slice(point)}`;
    }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => String(n)),
);

/** SDK-shaped AttributeValue maps (binary as Uint8Array), with the given number texts. */
export const attributeMapArbitrary = (numberText: fc.Arbitrary<string>) => {
  const name = fc.string().filter((s) => s !== '__proto__');
  const bytes = fc.uint8Array({ maxLength: 8 });
  const scalar: fc.Arbitrary<AttributeValue> = fc.oneof(
    fc.string().map((S) => ({ S })),
    numberText.map((N) => ({ N })),
    bytes.map((B) => ({ B })),
    fc.boolean().map((BOOL) => ({ BOOL })),
    fc.constant({ NULL: true }),
    fc.array(fc.string(), { minLength: 1, maxLength: 3 }).map((SS) => ({ SS })),
    fc.array(numberText, { minLength: 1, maxLength: 3 }).map((NS) => ({ NS })),
    fc.array(bytes, { minLength: 1, maxLength: 3 }).map((BS) => ({ BS })),
  );
  const { value } = fc.letrec<{ value: AttributeValue }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      scalar,
      fc.array(tie('value'), { maxLength: 3 }).map((L) => ({ L })),
      fc.dictionary(name, tie('value'), { maxKeys: 3, noNullPrototype: true }).map((M) => ({ M })),
    ),
  }));
  return fc.dictionary(name, value, {
    maxKeys: 5,
    noNullPrototype: true,
  }) as fc.Arbitrary<AttributeMap>;
};

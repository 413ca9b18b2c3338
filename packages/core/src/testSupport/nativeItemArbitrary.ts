import fc from 'fast-check';

/**
 * Arbitrary JS items that util-dynamodb's `marshall` accepts and that survive a round trip
 * unchanged: numbers within ±2^53 (not -0), bigints beyond it, strings, booleans, null, bytes,
 * non-empty sets, lists and maps (including attribute names such as `toString`).
 */
export const nativeItemArbitrary = () => {
  // `marshall` itself mishandles maps with an attribute named `__proto__` or `constructor`.
  const name = fc.oneof(
    fc.string({ unit: 'binary' }).filter((s) => s !== '__proto__' && s !== 'constructor'),
    fc.constantFrom('prototype', 'toString', 'hasOwnProperty', 'valueOf'),
  );
  const safeNumber = fc
    .oneof(
      fc.integer(),
      fc.double({
        noNaN: true,
        noDefaultInfinity: true,
        min: -Number.MAX_SAFE_INTEGER,
        max: Number.MAX_SAFE_INTEGER,
      }),
      fc.maxSafeInteger(),
    )
    .map((n) => (Object.is(n, -0) ? 0 : n));
  const bigBeyondDouble = fc.oneof(
    fc.bigInt({ min: BigInt(Number.MAX_SAFE_INTEGER) + 1n, max: 10n ** 38n }),
    fc.bigInt({ min: -(10n ** 38n), max: -BigInt(Number.MAX_SAFE_INTEGER) - 1n }),
  );
  const bytes = fc.uint8Array({ maxLength: 16 });
  const scalar = fc.oneof(
    fc.string({ unit: 'binary' }),
    safeNumber,
    bigBeyondDouble,
    fc.boolean(),
    fc.constant(null),
    bytes,
    fc.uniqueArray(fc.string(), { minLength: 1, maxLength: 4 }).map((xs) => new Set(xs)),
    fc.uniqueArray(fc.integer(), { minLength: 1, maxLength: 4 }).map((xs) => new Set(xs)),
    fc
      .uniqueArray(bytes, {
        minLength: 1,
        maxLength: 3,
        selector: (b) => Buffer.from(b).toString('hex'),
      })
      .map((xs) => new Set(xs)),
  );
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      scalar,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(name, tie('value'), { maxKeys: 4, noNullPrototype: true }),
    ),
  }));
  return fc.dictionary(name, value, { maxKeys: 6, noNullPrototype: true });
};

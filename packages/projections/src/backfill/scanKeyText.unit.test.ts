import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { scanKeyFromText, scanKeyToText } from './scanKeyText.js';

const keyValue = fc.oneof(
  fc.string().map((S) => ({ S })),
  fc.integer().map((n) => ({ N: String(n) })),
  fc.uint8Array({ minLength: 1, maxLength: 8 }).map((B) => ({ B })),
);

describe('scan keys as text (segment checkpoints)', () => {
  it('any key of S, N or B attributes reads back as the same key', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1 }), keyValue, { minKeys: 1, maxKeys: 2 }),
        (key) => {
          expect(scanKeyFromText(scanKeyToText(key))).toEqual(E.right(key));
        },
      ),
    );
  });

  it('refuses text that is not a key, and never sets a prototype', () => {
    expect(E.isLeft(scanKeyFromText('{'))).toBe(true);
    expect(E.isLeft(scanKeyFromText('[["id","X","1"]]'))).toBe(true);
    const parsed = scanKeyFromText('[["__proto__","S","x"]]');
    expect(E.isRight(parsed) && Object.getPrototypeOf(parsed.right)).toBe(Object.prototype);
    expect(E.isRight(parsed) && Object.keys(parsed.right)).toEqual(['__proto__']);
  });
});

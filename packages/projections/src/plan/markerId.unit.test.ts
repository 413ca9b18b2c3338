import { itemKeyOf } from '@sluice/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PLAIN_MARKER_ID_BYTES, markerIdOf } from './markerId.js';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const PREFIX = 'listTotals@1|';

describe('markerIdOf', () => {
  it('keeps ordinary ids as the prefix and item key, so existing markers keep their ids', () => {
    const key = itemKeyOf({ id: { S: 'order-1' }, line: { N: '3' } });
    expect(markerIdOf(PREFIX, key)).toBe(PREFIX + key);
  });

  it('stays under the 2,048-byte partition key limit for a source key at DynamoDB’s own limits (2,048-byte partition, 1,024-byte sort key, multi-byte text)', () => {
    const key = itemKeyOf({ pk: { S: '€'.repeat(682) + 'ab' }, sk: { S: '😀'.repeat(256) } });
    expect(bytes('€'.repeat(682) + 'ab')).toBe(2048);
    expect(bytes('😀'.repeat(256))).toBe(1024);
    const id = markerIdOf(PREFIX, key);
    expect(bytes(id)).toBeLessThanOrEqual(2048);
    expect(id).toMatch(/^listTotals@1\|#[A-Za-z0-9_-]{43}$/);
  });

  it('hashes exactly past the threshold, counting UTF-8 bytes', () => {
    const at = 'x'.repeat(MAX_PLAIN_MARKER_ID_BYTES - PREFIX.length);
    expect(markerIdOf(PREFIX, at)).toBe(PREFIX + at);
    expect(markerIdOf(PREFIX, `${at}x`)).not.toBe(`${PREFIX}${at}x`);
    const multiByte = 'é'.repeat((MAX_PLAIN_MARKER_ID_BYTES - PREFIX.length) / 2);
    expect(markerIdOf(PREFIX, multiByte)).toBe(PREFIX + multiByte);
    expect(markerIdOf(PREFIX, `${multiByte}é`)).toMatch(/#/);
  });

  it('gives distinct source items distinct marker ids, plain or hashed', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ unit: 'binary', maxLength: 1500, size: 'max' }), {
          minLength: 2,
          maxLength: 6,
        }),
        (values) => {
          const ids = values.map((value) => markerIdOf(PREFIX, itemKeyOf({ id: { S: value } })));
          expect(new Set(ids).size).toBe(values.length);
          for (const id of ids) expect(bytes(id)).toBeLessThanOrEqual(2048);
        },
      ),
      { numRuns: 40 },
    );
  });
});

import { unmarshall } from '@aws-sdk/util-dynamodb';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  anyNumberText,
  attributeMapArbitrary,
  exactNumberText,
} from '../testSupport/attributeValueArbitrary.js';
import { unmarshallItem } from './unmarshall.js';

const utilOutcome = (map: Parameters<typeof unmarshall>[0]) => {
  try {
    return { threw: false as const, value: unmarshall(map) };
  } catch {
    return { threw: true as const };
  }
};

describe('unmarshallItem against util-dynamodb', () => {
  it('gives exactly the values util-dynamodb gives, for any item whose numbers a double holds', () => {
    fc.assert(
      fc.property(attributeMapArbitrary(exactNumberText), (map) => {
        expect(unmarshallItem(map)).toStrictEqual(E.right(unmarshall(map)));
      }),
      { numRuns: 300 },
    );
  });

  it('for any item, either gives what util-dynamodb gives or an InexactNumber where util-dynamodb throws or rounds', () => {
    fc.assert(
      fc.property(attributeMapArbitrary(anyNumberText), (map) => {
        const ours = unmarshallItem(map);
        const theirs = utilOutcome(map);
        if (E.isRight(ours)) {
          expect(theirs.threw).toBe(false);
          expect(ours.right).toStrictEqual(theirs.threw ? undefined : theirs.value);
        } else {
          expect(ours.left._tag).toBe('InexactNumber');
        }
      }),
      { numRuns: 300 },
    );
  });
});

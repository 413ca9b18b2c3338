import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkpointAfter } from './checkpointAfter.js';

// A batch's sequence numbers (some records may carry none) and how far a runner got in it.
const batch = fc
  .array(fc.option(fc.bigInt({ min: 1n, max: 10n ** 20n }).map(String), { nil: undefined }), {
    maxLength: 20,
  })
  .chain((sequenceNumbers) =>
    fc.record({
      sequenceNumbers: fc.constant(sequenceNumbers),
      handled: fc.integer({ min: -2, max: sequenceNumbers.length + 2 }),
      stopped: fc.boolean(),
    }),
  );

describe('checkpointAfter', () => {
  it('is through the last handled record and retries from the first one not handled', () => {
    fc.assert(
      fc.property(batch, ({ sequenceNumbers, handled, stopped }) => {
        const at = (i: number) => sequenceNumbers[i];
        const checkpoint = checkpointAfter(sequenceNumbers.length, handled, stopped, at);
        const done = Math.max(0, Math.min(handled, sequenceNumbers.length));
        expect(checkpoint.handled).toBe(done);
        expect(checkpoint.through).toBe(done === 0 ? undefined : sequenceNumbers[done - 1]);
        expect(checkpoint.complete).toBe(!stopped && done === sequenceNumbers.length);
        expect(checkpoint.retryFrom).toBe(checkpoint.complete ? undefined : sequenceNumbers[done]);
      }),
    );
  });

  it('never calls a batch complete that a failure stopped, even after its last record', () => {
    const checkpoint = checkpointAfter(2, 2, true, (i) => ['1', '2'][i]);
    expect(checkpoint).toEqual({ through: '2', complete: false, handled: 2, retryFrom: undefined });
  });
});

import { describe, expect, it } from 'vitest';
import { lambdaHeapFlags } from './lambdaHeapFlags.js';

describe('lambdaHeapFlags', () => {
  it('gives a tenth of the memory to two semi-spaces and the rest to the old generation', () => {
    expect(lambdaHeapFlags(1024)).toStrictEqual([
      '--expose-gc',
      '--max-semi-space-size=51',
      '--max-old-space-size=922',
    ]);
    expect(lambdaHeapFlags(128)).toContain('--max-semi-space-size=6');
  });
});

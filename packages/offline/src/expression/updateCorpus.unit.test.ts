import { describe, expect, it } from 'vitest';
import { runUpdateCase } from './testSupport/updateCase.js';
import { updateCorpus } from './testSupport/updateCorpus.js';

// The snapshot holds the engine's answers; expressionsDifferential.int.test.ts checks the same
// corpus against DynamoDB Local, so a snapshot change needs that test green before it is accepted.
describe('the tricky-expression corpus', () => {
  it.each(updateCorpus.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(runUpdateCase(c)).toMatchSnapshot();
  });
});

import { describe, expect, it } from 'vitest';
import { atPointer, isExcerptOf } from './excerpts.js';

const source = `export const handler = make({
  store: dynamoDbProjectionStore({
    client,
  }),
});
`;

describe('README excerpts', () => {
  it('match code of the file whatever its indentation, line breaks and trailing commas', () => {
    expect(isExcerptOf('store: dynamoDbProjectionStore({\n  client,\n}),', source)).toBe(true);
    expect(isExcerptOf('      client,\n    }),', source)).toBe(true);
    expect(isExcerptOf('store: dynamoDbProjectionStore({ client }),', source)).toBe(true);
  });

  it('do not match once a line changed, went missing or moved', () => {
    expect(isExcerptOf('store: dynamoDbProjectionStore({\n  clients,\n}),', source)).toBe(false);
    expect(isExcerptOf('store: dynamoDbProjectionStore({\n}),', source)).toBe(false);
    expect(isExcerptOf('  client,\nstore: dynamoDbProjectionStore({', source)).toBe(false);
    expect(isExcerptOf('', source)).toBe(false);
  });

  it('find a JSON value by pointer', () => {
    const template = { Resources: { 'a/b': { Type: 'AWS::SQS::Queue' } } };
    expect(atPointer(template, '/Resources/a~1b/Type')).toBe('AWS::SQS::Queue');
    expect(atPointer(template, '/Resources/missing/Type')).toBeUndefined();
  });
});

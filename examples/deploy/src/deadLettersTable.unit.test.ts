import { deadLetterTableSpec } from '@sluice/projections/dynamodb';
import { describe, expect, it } from 'vitest';
import { logicalIdOf, tableResource } from './cloudFormation.js';
import { deadLettersTable, deployedDeadLetters } from './deadLettersTable.js';
import { samTemplate } from './samTemplate.js';
import { tableVariable } from './tableEnvironment.js';

type Fn = {
  Properties: { Environment: { Variables: Record<string, unknown> }; Policies: unknown[] };
};
const template = samTemplate({
  example: 'x',
  summary: 's',
  source: {
    tableName: 'source',
    partitionKey: { name: 'id', type: 'S' },
    streamViewType: 'NEW_IMAGE',
  },
  projections: [],
  tables: [],
  mainTable: { tableName: 'source', partitionKey: { name: 'id', type: 'S' } },
}) as { Resources: Record<string, unknown> };

describe('the dead-letter table of a generated template', () => {
  it('is declared with the key schema dynamoDbDeadLetters writes, named to the function, which may write it', () => {
    const id = logicalIdOf(deadLettersTable);
    expect(id).toBe('DeadLettersTable');
    expect(template.Resources[id]).toEqual(tableResource(deadLetterTableSpec('deadLetters')));
    const fn = template.Resources.ProjectionFunction as Fn;
    expect(fn.Properties.Environment.Variables).toMatchObject({ DEAD_LETTERS_TABLE: { Ref: id } });
    // It only puts letters: redrive reads and deletes them with the operator's rights.
    expect(fn.Properties.Policies).toContainEqual({
      Statement: expect.arrayContaining([
        { Effect: 'Allow', Action: ['dynamodb:PutItem'], Resource: { 'Fn::GetAtt': [id, 'Arn'] } },
      ]),
    });
  });

  it('is required at cold start: without its variable the function refuses to start', () => {
    const client = {} as Parameters<typeof deployedDeadLetters>[0];
    expect(tableVariable(deadLettersTable)).toBe('DEAD_LETTERS_TABLE');
    expect(() => deployedDeadLetters(client, {})).toThrow(/DEAD_LETTERS_TABLE is not set/);
    expect(typeof deployedDeadLetters(client, { DEAD_LETTERS_TABLE: 't' }).send).toBe('function');
  });
});

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectDynamoDBLocal } from '../dynamodbLocal/connectDynamoDBLocal.js';
import { arbitraryConditionCase, arbitraryUpdateCase } from './testSupport/arbitraryUpdateCase.js';
import { createCaseTable, runOnDynamoDBLocal } from './testSupport/dynamodbLocalUpdate.js';
import {
  arbitraryPartition,
  arbitraryQueryCase,
  putPartition,
  queryCorpus,
  queryOnDynamoDBLocal,
  queryWithEngine,
} from './testSupport/queryCase.js';
import {
  caseKey,
  runUpdateCase,
  type UpdateCase,
  type UpdateOutcome,
} from './testSupport/updateCase.js';
import { updateCorpus } from './testSupport/updateCorpus.js';

// Which error DynamoDB Local reports when several actions of one update are faulty follows no
// rule we could pin down (and it names odd pairs in overlap messages), so for random cases with
// several actions only the error's name is compared; single-action cases compare the message too.
const comparable = (c: UpdateCase, outcome: UpdateOutcome): UpdateOutcome => {
  if (!('message' in outcome)) return outcome;
  const actions = c.update.split(/,|\b(?:SET|REMOVE|ADD|DELETE)\b/).filter((s) => s.trim() !== '');
  return actions.length > 1 ? { error: outcome.error, message: '' } : outcome;
};

describe('the expression engine against DynamoDB Local (UpdateItem, ReturnValues ALL_NEW)', () => {
  const local = connectDynamoDBLocal(inject('dynamodbLocalEndpoint'));
  let table = '';
  beforeAll(async () => {
    table = await createCaseTable(local.clients.dynamodb);
  });
  afterAll(() => local.destroy());

  it.each(updateCorpus.map((c) => [c.name, c] as const))('corpus: %s', async (_name, c) => {
    const expected = await runOnDynamoDBLocal(local.clients.dynamodb, table, c);
    expect(runUpdateCase(c)).toEqual(expected);
  });

  it('random update expressions give the same item or the same error', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryUpdateCase, async (c) => {
        const expected = await runOnDynamoDBLocal(local.clients.dynamodb, table, c);
        expect(comparable(c, runUpdateCase(c))).toEqual(comparable(c, expected));
      }),
      { numRuns: 300 },
    );
  });

  it('random conditions decide the same way', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryConditionCase, async (c) => {
        const expected = await runOnDynamoDBLocal(local.clients.dynamodb, table, c);
        expect(comparable(c, runUpdateCase(c))).toEqual(comparable(c, expected));
      }),
      { numRuns: 300 },
    );
  });

  it.each(queryCorpus.map((q) => [q.keyCondition, q] as const))(
    'query corpus: %s',
    async (_k, q) => {
      const items = [0, 1, 2, 3, 4].map((i) => ({
        ...caseKey,
        pk: { S: 'query' },
        sk: { N: String(i + 1) },
        l: { L: [{ N: String(i) }, { S: 'x' }, { M: { x: { N: '2' } } }] },
        m: { M: { x: { M: { y: { S: 'z' } } } } },
      }));
      await putPartition(local.clients.dynamodb, table, items);
      expect(queryWithEngine(items, q)).toEqual(
        await queryOnDynamoDBLocal(local.clients.dynamodb, table, q),
      );
    },
  );

  it('random queries (key condition, filter, projection) return the same items', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbitraryPartition,
        fc.array(arbitraryQueryCase, { minLength: 5, maxLength: 5 }),
        async (items, queries) => {
          await putPartition(local.clients.dynamodb, table, items);
          for (const q of queries) {
            expect(queryWithEngine(items, q)).toEqual(
              await queryOnDynamoDBLocal(local.clients.dynamodb, table, q),
            );
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

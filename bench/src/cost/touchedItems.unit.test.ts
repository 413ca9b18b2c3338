import { describe, expect, it } from 'vitest';
import { touchedItems } from './touchedItems.js';

const key = (id: string) => ({ id: { S: id } });

describe('the items a request touches', () => {
  it('names the table and the key, or the item put, of every write and read', () => {
    const put = { id: { S: 'p' }, n: { N: '1' } };
    expect(touchedItems({ operation: 'PutItem', body: { TableName: 't', Item: put } })).toEqual([
      { table: 't', item: put },
    ]);
    expect(
      touchedItems({ operation: 'UpdateItem', body: { TableName: 't', Key: key('u') } }),
    ).toEqual([{ table: 't', item: key('u') }]);
    const batchWrite = {
      RequestItems: {
        a: [{ PutRequest: { Item: put } }, { DeleteRequest: { Key: key('d') } }],
        b: [{ DeleteRequest: { Key: key('e') } }],
      },
    };
    expect(touchedItems({ operation: 'BatchWriteItem', body: batchWrite })).toEqual([
      { table: 'a', item: put },
      { table: 'a', item: key('d') },
      { table: 'b', item: key('e') },
    ]);
    const transaction = {
      TransactItems: [
        { Put: { TableName: 'm', Item: put } },
        { Update: { TableName: 'g', Key: key('g1') } },
        { ConditionCheck: { TableName: 'm', Key: key('c') } },
      ],
    };
    expect(touchedItems({ operation: 'TransactWriteItems', body: transaction })).toEqual([
      { table: 'm', item: put },
      { table: 'g', item: key('g1') },
      { table: 'm', item: key('c') },
    ]);
    const batchGet = { RequestItems: { m: { Keys: [key('x'), key('y')], ConsistentRead: true } } };
    expect(touchedItems({ operation: 'BatchGetItem', body: batchGet })).toEqual([
      { table: 'm', item: key('x') },
      { table: 'm', item: key('y') },
    ]);
  });

  it('names none for a request that touches no item', () => {
    expect(touchedItems({ operation: 'DescribeTable', body: { TableName: 't' } })).toEqual([]);
  });
});

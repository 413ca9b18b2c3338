import {
  ConditionalCheckFailedException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { ManualClock } from '@sluice/core';
import { describe, expect, it } from 'vitest';
import { InMemoryTable } from './inMemoryTable.js';

const ordersTable = () =>
  new InMemoryTable({
    tableName: 'orders',
    partitionKey: { name: 'pk', type: 'S' },
    sortKey: { name: 'sk', type: 'N' },
    streamViewType: 'NEW_AND_OLD_IMAGES',
    clock: new ManualClock(),
  });

const errorOf = (write: () => unknown): Error & Record<string, unknown> => {
  try {
    write();
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected the write to fail');
};

describe('InMemoryTable writes', () => {
  it('puts, gets and deletes items in both plain and DynamoDB JSON form', () => {
    const table = ordersTable();
    table.put({ pk: 'o1', sk: 1, status: 'NEW', tags: new Set(['a']) });
    expect(table.get({ pk: 'o1', sk: 1 })).toEqual({
      pk: 'o1',
      sk: 1,
      status: 'NEW',
      tags: new Set(['a']),
    });
    expect(table.getItem({ pk: { S: 'o1' }, sk: { N: '1.0' } })).toEqual({
      pk: { S: 'o1' },
      sk: { N: '1' },
      status: { S: 'NEW' },
      tags: { SS: ['a'] },
    });
    const result = table.deleteItem({ pk: { S: 'o1' }, sk: { N: '1' } });
    expect(result.eventName).toBe('REMOVE');
    expect(table.get({ pk: 'o1', sk: 1 })).toBeUndefined();
    expect(table.itemCount).toBe(0);
  });

  it('reports what each write did, and nothing for writes that change nothing', () => {
    const table = ordersTable();
    expect(table.put({ pk: 'o1', sk: 1, n: 1 }).eventName).toBe('INSERT');
    expect(
      table.putItem({ pk: { S: 'o1' }, sk: { N: '1' }, n: { N: '1.00' } }).eventName,
    ).toBeUndefined();
    const modified = table.put({ pk: 'o1', sk: 1, n: 2 });
    expect(modified.eventName).toBe('MODIFY');
    expect(modified.oldItem).toEqual({ pk: 'o1', sk: 1, n: 1 });
    expect(modified.newItem).toEqual({ pk: 'o1', sk: 1, n: 2 });
    expect(table.update({ pk: 'o1', sk: 1 }, { set: { n: 2 } }).eventName).toBeUndefined();
    expect(table.update({ pk: 'o1', sk: 1 }, { remove: ['missing'] }).eventName).toBeUndefined();
    expect(table.delete({ pk: 'nobody', sk: 1 }).eventName).toBeUndefined();
  });

  it('updates with SET, REMOVE, ADD and DELETE like an update expression', () => {
    const table = ordersTable();
    table.put({ pk: 'o1', sk: 1, total: 10, old: true, tags: new Set(['a', 'b']) });
    table.update(
      { pk: 'o1', sk: 1 },
      {
        set: { status: 'PAID' },
        remove: ['old'],
        add: { total: 2.5, count: 1, tags: new Set(['c']) },
      },
    );
    expect(table.get({ pk: 'o1', sk: 1 })).toEqual({
      pk: 'o1',
      sk: 1,
      status: 'PAID',
      total: 12.5,
      count: 1,
      tags: new Set(['a', 'b', 'c']),
    });
    table.update({ pk: 'o1', sk: 1 }, { delete: { tags: new Set(['a', 'b', 'c']) } });
    expect(table.get({ pk: 'o1', sk: 1 })).not.toHaveProperty('tags');
  });

  it('adds numbers exactly as decimals, not as floating point', () => {
    const table = ordersTable();
    table.updateItem({ pk: { S: 'o1' }, sk: { N: '1' } }, { add: { total: { N: '0.1' } } });
    table.updateItem({ pk: { S: 'o1' }, sk: { N: '1' } }, { add: { total: { N: '0.2' } } });
    expect(table.getItem({ pk: { S: 'o1' }, sk: { N: '1' } })?.total).toEqual({ N: '0.3' });
  });

  it('creates the item on update, even when the update only removes (DynamoDB does too)', () => {
    const table = ordersTable();
    const created = table.update({ pk: 'o2', sk: 1 }, { remove: ['x'] });
    expect(created.eventName).toBe('INSERT');
    expect(table.get({ pk: 'o2', sk: 1 })).toEqual({ pk: 'o2', sk: 1 });
  });

  it('applies a functional update to the current item, keeping the key', () => {
    const table = ordersTable();
    table.put({ pk: 'o1', sk: 1, count: 1 });
    table.update({ pk: 'o1', sk: 1 }, (current) => ({ count: Number(current?.count ?? 0) + 1 }));
    expect(table.get({ pk: 'o1', sk: 1 })).toEqual({ pk: 'o1', sk: 1, count: 2 });
    table.update({ pk: 'o3', sk: 1 }, (current) => ({ created: current === undefined }));
    expect(table.get({ pk: 'o3', sk: 1 })).toEqual({ pk: 'o3', sk: 1, created: true });
    expect(errorOf(() => table.update({ pk: 'o1', sk: 1 }, () => ({ pk: 'other' }))).message).toBe(
      'One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key',
    );
  });

  it('rejects updates that DynamoDB rejects', () => {
    const table = ordersTable();
    table.put({ pk: 'o1', sk: 1, tags: new Set(['a']), name: 'x' });
    const key = { pk: 'o1', sk: 1 };
    expect(errorOf(() => table.update(key, { set: { sk: 2 } })).message).toMatch(
      /Cannot update attribute sk/,
    );
    expect(errorOf(() => table.update(key, { set: { a: 1 }, remove: ['a'] })).message).toMatch(
      /Two document paths overlap/,
    );
    expect(errorOf(() => table.update(key, { add: { name: 1 } })).message).toBe(
      'An operand in the update expression has an incorrect data type',
    );
    expect(errorOf(() => table.update(key, { add: { tags: 1 } })).name).toBe('ValidationException');
    expect(errorOf(() => table.update(key, { add: { x: 'text' } })).message).toMatch(
      /operator: ADD, operand type: STRING/,
    );
    expect(errorOf(() => table.update(key, { delete: { tags: 'a' } })).message).toMatch(
      /operator: DELETE/,
    );
  });
});

describe('conditions', () => {
  it('fails with ConditionalCheckFailedException and changes nothing', () => {
    const table = ordersTable();
    table.put({ pk: 'o1', sk: 1, status: 'NEW' });
    const error = errorOf(() =>
      table.put({ pk: 'o1', sk: 1, status: 'DUP' }, { condition: { type: 'itemNotExists' } }),
    );
    expect(error).toBeInstanceOf(ConditionalCheckFailedException);
    expect(error.name).toBe('ConditionalCheckFailedException');
    expect(error.message).toBe('The conditional request failed');
    expect(error.Item).toBeUndefined();
    expect(table.get({ pk: 'o1', sk: 1 })).toEqual({ pk: 'o1', sk: 1, status: 'NEW' });
    expect(table.stream.records()).toHaveLength(1);
  });

  it('returns the current item on failure when asked to (ALL_OLD)', () => {
    const table = ordersTable();
    table.put({ pk: 'o1', sk: 1, status: 'NEW' });
    const error = errorOf(() =>
      table.delete(
        { pk: 'o1', sk: 1 },
        {
          condition: { type: 'attributesEqual', attributes: { status: 'PAID' } },
          returnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      ),
    );
    expect(error.Item).toEqual({ pk: { S: 'o1' }, sk: { N: '1' }, status: { S: 'NEW' } });
  });

  it('checks existence, attribute equality (semantically) and predicates', () => {
    const table = ordersTable();
    const key = { pk: 'o1', sk: 1 };
    expect(() =>
      table.update(key, { set: { a: 1 } }, { condition: { type: 'itemExists' } }),
    ).toThrow(ConditionalCheckFailedException);
    table.put({ ...key, status: 'NEW', tags: new Set(['b', 'a']), n: 1 });
    table.update(key, { set: { status: 'PAID' } }, { condition: { type: 'itemExists' } });
    table.updateItem(
      { pk: { S: 'o1' }, sk: { N: '1' } },
      { set: { seen: { BOOL: true } } },
      {
        condition: {
          type: 'attributesEqual',
          attributes: { n: { N: '1.0' }, tags: { SS: ['a', 'b'] } },
        },
      },
    );
    table.update(
      key,
      { set: { ok: true } },
      { condition: { type: 'matches', test: (item) => item?.status === 'PAID' } },
    );
    expect(table.get(key)).toMatchObject({ status: 'PAID', seen: true, ok: true });
  });
});

describe('validation', () => {
  const messageOf = (write: () => unknown) => {
    const error = errorOf(write);
    return `${error.name}: ${error.message}`;
  };

  it('rejects missing, wrongly typed and empty key attributes', () => {
    const table = ordersTable();
    expect(messageOf(() => table.putItem({ pk: { S: 'a' } }))).toBe(
      'ValidationException: One of the required keys was not given a value',
    );
    expect(messageOf(() => table.putItem({ pk: { N: '1' }, sk: { N: '1' } }))).toBe(
      'ValidationException: One or more parameter values were invalid: Type mismatch for key',
    );
    expect(messageOf(() => table.putItem({ pk: { S: '' }, sk: { N: '1' } }))).toBe(
      'ValidationException: One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk',
    );
    expect(messageOf(() => table.getItem({ pk: { S: 'a' } }))).toBe(
      'ValidationException: The number of conditions on the keys is invalid',
    );
    expect(
      messageOf(() => table.deleteItem({ pk: { S: 'a' }, sk: { N: '1' }, extra: { S: 'x' } })),
    ).toBe('ValidationException: The number of conditions on the keys is invalid');
    expect(messageOf(() => table.getItem({ pk: { S: 'a' }, sk: { S: '1' } }))).toBe(
      'ValidationException: The provided key element does not match the schema',
    );
    expect(messageOf(() => table.putItem({ pk: { S: 'x'.repeat(2049) }, sk: { N: '1' } }))).toMatch(
      /2048 bytes/,
    );
  });

  it('rejects empty binary keys', () => {
    const table = new InMemoryTable({ tableName: 'bin', partitionKey: { name: 'id', type: 'B' } });
    expect(messageOf(() => table.putItem({ id: { B: new Uint8Array() } }))).toMatch(
      /cannot contain an empty binary value/,
    );
  });

  it('enforces the 400 KB item size exactly as DynamoDB counts it', () => {
    const table = ordersTable();
    // pk + "a" + sk + N(1) + s = 8 bytes of overhead; 409600 bytes is the limit (DynamoDB Local agrees).
    table.putItem({ pk: { S: 'a' }, sk: { N: '1' }, s: { S: 'x'.repeat(409_592) } });
    expect(
      messageOf(() =>
        table.putItem({ pk: { S: 'a' }, sk: { N: '1' }, s: { S: 'x'.repeat(409_593) } }),
      ),
    ).toBe('ValidationException: Item size has exceeded the maximum allowed size');
    expect(messageOf(() => table.update({ pk: 'a', sk: 1 }, { set: { t: 'y' } }))).toBe(
      'ValidationException: Item size to update has exceeded the maximum allowed size',
    );
  });

  it('rejects empty sets and bad numbers inside items', () => {
    const table = ordersTable();
    expect(
      messageOf(() => table.putItem({ pk: { S: 'a' }, sk: { N: '1' }, s: { SS: [] } })),
    ).toMatch(/may not be empty/);
    expect(messageOf(() => table.putItem({ pk: { S: 'a' }, sk: { N: 'one' } }))).toBe(
      'ValidationException: A value provided cannot be converted into a number',
    );
  });
});

describe('batch writes', () => {
  it('applies up to 25 puts and deletes', () => {
    const table = ordersTable();
    table.put({ pk: 'gone', sk: 1 });
    table.batchWrite([
      { type: 'put', item: { pk: 'a', sk: 1 } },
      { type: 'put', item: { pk: 'b', sk: 1 } },
      { type: 'delete', key: { pk: 'gone', sk: 1 } },
    ]);
    expect(
      table
        .scanAll()
        .map((i) => i.pk)
        .sort(),
    ).toEqual(['a', 'b']);
  });

  it('rejects empty, oversized and duplicate batches without applying any request', () => {
    const table = ordersTable();
    const puts = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ type: 'put' as const, item: { pk: 'p', sk: i } }));
    expect(errorOf(() => table.batchWrite(puts(26))).message).toBe(
      'Too many items requested for the BatchWriteItem call',
    );
    expect(errorOf(() => table.batchWrite([])).name).toBe('ValidationException');
    expect(
      errorOf(() => table.batchWrite([...puts(2), { type: 'delete', key: { pk: 'p', sk: 0 } }]))
        .message,
    ).toBe('Provided list of item keys contains duplicates');
    expect(
      errorOf(() => table.batchWrite([...puts(2), { type: 'put', item: { pk: '', sk: 9 } }])).name,
    ).toBe('ValidationException');
    expect(table.itemCount).toBe(0);
  });
});

describe('transactions', () => {
  it('applies all actions, one record per changed item', () => {
    const table = ordersTable();
    table.put({ pk: 'acct', sk: 1, balance: 10 });
    table.put({ pk: 'limits', sk: 1, open: true });
    const results = table.transactWrite([
      {
        type: 'update',
        key: { pk: 'acct', sk: 1 },
        update: { add: { balance: -5 } },
        condition: { type: 'itemExists' },
      },
      {
        type: 'put',
        item: { pk: 'ledger', sk: 1, amount: 5 },
        condition: { type: 'itemNotExists' },
      },
      {
        type: 'conditionCheck',
        key: { pk: 'limits', sk: 1 },
        condition: { type: 'attributesEqual', attributes: { open: true } },
      },
    ]);
    expect(results.map((r) => r.eventName)).toEqual(['MODIFY', 'INSERT']);
    expect(table.get({ pk: 'acct', sk: 1 })).toMatchObject({ balance: 5 });
    expect(table.stream.records().map((r) => r.eventName)).toEqual([
      'INSERT',
      'INSERT',
      'MODIFY',
      'INSERT',
    ]);
  });

  it('applies nothing when one condition fails, and says which one', () => {
    const table = ordersTable();
    table.put({ pk: 'acct', sk: 1, balance: 10 });
    const error = errorOf(() =>
      table.transactWrite([
        { type: 'put', item: { pk: 'new', sk: 1 } },
        {
          type: 'conditionCheck',
          key: { pk: 'acct', sk: 1 },
          condition: { type: 'attributesEqual', attributes: { balance: 0 } },
          returnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      ]),
    );
    expect(error).toBeInstanceOf(TransactionCanceledException);
    expect(error.message).toBe(
      'Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]',
    );
    expect(error.CancellationReasons).toEqual([
      { Code: 'None' },
      {
        Code: 'ConditionalCheckFailed',
        Message: 'The conditional request failed.',
        Item: { pk: { S: 'acct' }, sk: { N: '1' }, balance: { N: '10' } },
      },
    ]);
    expect(table.get({ pk: 'new', sk: 1 })).toBeUndefined();
    expect(table.stream.records()).toHaveLength(1);
  });

  it('rejects two actions on one item, and more than 100 actions', () => {
    const table = ordersTable();
    expect(
      errorOf(() =>
        table.transactWrite([
          { type: 'put', item: { pk: 'a', sk: 1 } },
          { type: 'delete', key: { pk: 'a', sk: 1.0 } },
        ]),
      ).message,
    ).toBe('Transaction request cannot include multiple operations on one item');
    const many = Array.from({ length: 101 }, (_, i) => ({
      type: 'put' as const,
      item: { pk: 'p', sk: i },
    }));
    expect(errorOf(() => table.transactWrite(many)).name).toBe('ValidationException');
    table.transactWrite(many.slice(0, 100));
    expect(table.itemCount).toBe(100);
  });
});

describe('table definition', () => {
  it('rejects what CreateTable would reject', () => {
    const pk = { name: 'pk', type: 'S' } as const;
    expect(() => new InMemoryTable({ tableName: 'x', partitionKey: pk })).toThrow(/table name/);
    expect(() => new InMemoryTable({ tableName: 'same', partitionKey: pk, sortKey: pk })).toThrow(
      /sort key must differ/,
    );
    expect(
      () =>
        new InMemoryTable({ tableName: 'typed', partitionKey: { name: 'pk', type: 'X' as 'S' } }),
    ).toThrow(/S, N or B/);
  });
});

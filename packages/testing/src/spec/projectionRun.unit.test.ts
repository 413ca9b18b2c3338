import { AssertionError } from 'node:assert';
import { InMemoryTable } from '@sluice/offline';
import { aggregate, defineProjection } from '@sluice/projections';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { given } from './given.js';

const Task = t.type({ id: t.string, listId: t.string });
const counts = aggregate({
  name: 'aggregate',
  table: 'counts',
  markerTable: 'markers',
  item: Task,
  viewType: 'NEW_IMAGE',
  group: (task) => ({ listId: task.listId }),
});
const tasks = [
  { put: { id: 't1', listId: 'a' } },
  { put: { id: 't2', listId: 'a' } },
  { put: { id: 't3', listId: 'b' } },
] as const;

/** A projection that counts deliveries instead of changes: what `times: 2` exists to catch. */
const deliveryCounter = () => {
  let delivered = 0;
  return defineProjection({
    name: 'deliveryCounter',
    version: 1,
    item: Task,
    viewType: 'NEW_IMAGE',
    plan: () => [
      {
        _tag: 'PutRow',
        table: 'deliveries',
        key: { id: 'all' },
        row: { id: 'all', delivered: ++delivered },
      },
    ],
  });
};

const rejection = async (promise: Promise<unknown>): Promise<AssertionError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AssertionError);
  return error as AssertionError;
};

describe('ProjectionRun', () => {
  it('a wrong expectation fails with a diff per table: differing attributes, missing and unexpected rows', async () => {
    const error = await rejection(
      given(tasks)
        .when(counts, { deliveries: 'duplicated' })
        .then({
          counts: [
            { listId: 'a', count: 3 },
            { listId: 'z', count: 1 },
          ],
          totals: [{ listId: 'a', points: 1 }],
        }),
    );
    expect(error.message).toBe(
      [
        'projection tables differ from the expected rows (deliveries: duplicated)',
        'table counts: 1 row differs, 1 missing, 1 unexpected (expected 2 rows, received 2)',
        "  row { listId: 'a' } differs:",
        '    count: expected 3, received 2',
        "  missing row { listId: 'z', count: 1 }",
        "  unexpected row { listId: 'b', count: 1 }",
        'table totals: no projection of this spec writes it (they write: counts, markers)',
        '3 records delivered once: 4 invocations, 2 duplicated batches',
      ].join('\n'),
    );
  });

  it('pairs rows by the group key when the markers live in the group rows', async () => {
    const inRows = aggregate({
      name: 'inRows',
      table: 'listCounts',
      item: Task,
      keys: t.type({ id: t.string, listId: t.string }),
      viewType: 'NEW_IMAGE',
      groupOfKey: (key) => ({ listId: key.listId }),
    });
    const error = await rejection(
      given(tasks, {
        partitionKey: { name: 'listId', type: 'S' },
        sortKey: { name: 'id', type: 'S' },
      })
        .when(inRows)
        .then({
          listCounts: [
            { listId: 'a', count: 3 },
            { listId: 'b', count: 1 },
          ],
        }),
    );
    expect(error.message).toContain(
      ["  row { listId: 'a' } differs:", '    count: expected 3, received 2'].join('\n'),
    );
  });

  it('names attributes that are absent on either side', async () => {
    const error = await rejection(
      given(tasks)
        .when(counts)
        .then({
          counts: [
            { listId: 'a', total: 2 },
            { listId: 'b', count: 1 },
          ],
        }),
    );
    expect(error.message).toContain(
      [
        "  row { listId: 'a' } differs:",
        '    total: expected 2, received (absent)',
        '    count: expected (absent), received 2',
      ].join('\n'),
    );
  });

  it('times: 2 proves idempotency: a projection that counts deliveries fails it', async () => {
    const once = given([{ put: { id: 't1', listId: 'a' } }]);
    await once.when(deliveryCounter()).then({ deliveries: [{ id: 'all', delivered: 1 }] });
    const error = await rejection(
      once
        .when(deliveryCounter(), { times: 2 })
        .then({ deliveries: [{ id: 'all', delivered: 1 }] }),
    );
    expect(error.message).toContain('deliveries: clean, times: 2');
    expect(error.message).toContain('    delivered: expected 1, received 2');
  });

  it('thenEqualsCleanPass passes for a correct projection and names the faults when it does not', async () => {
    await given(tasks).when(counts, { deliveries: 'faulty', times: 3 }).thenEqualsCleanPass();
    const error = await rejection(
      given(tasks).when(deliveryCounter(), { deliveries: 'duplicated' }).thenEqualsCleanPass(),
    );
    expect(error.message.split('\n')).toEqual([
      'tables differ from one clean pass over the same stream (deliveries: duplicated); expected = clean pass',
      'table deliveries: 1 row differs (expected 1 row, received 1)',
      "  row { id: 'all' } differs:",
      // The clean pass reuses the projection, whose counter went on from 6 (3 changes, each twice).
      '    delivered: expected 9, received 6',
      '3 records delivered once: 4 invocations, 2 duplicated batches',
    ]);
  });

  it('thenDeadLetters: a change the codec rejects is dead-lettered once, however often it is delivered', async () => {
    const run = given([{ put: { id: 't1', listId: 'a' } }, { put: { id: 't2', listId: 42 } }]).when(
      counts,
      { deliveries: 'duplicated', times: 2 },
    );
    await run.then({ counts: [{ listId: 'a', count: 1 }] });
    await run.thenDeadLetters([
      {
        projection: 'aggregate',
        reason: 'ImageDecodeFailure',
        keys: { id: 't2' },
        eventName: 'INSERT',
        message: 'listId',
      },
    ]);
    const error = await rejection(run.thenDeadLetters([{ keys: { id: 't1' } }]));
    expect(error.message).toMatch(
      /^dead letters differ from the expected ones \(deliveries: duplicated, times: 2\)\ndead letters: expected 1, received 1\n {2}missing dead letter \{ keys: \{ id: 't1' \} \}\n {2}unexpected dead letter \{ projection: 'aggregate', reason: 'ImageDecodeFailure', keys: \{ id: 't2' \}, eventName: 'INSERT', message: .*, blocked: false \}\n/,
    );
    await expect(run.thenDeadLetters([])).rejects.toThrow('dead letters: expected 0, received 1');
  });

  it("poison: 'block' stops at the poison record: later changes of its batch wait, and are lost when retries run out", async () => {
    const run = given(
      [
        { put: { id: 't1', listId: 'a' } },
        { put: { id: 't1', listId: 7 } },
        { put: { id: 't1', listId: 'b' } },
      ],
      { stream: { partitionCount: 1 } },
    ).when(counts, { poison: 'block', deliveries: { mapping: { MaximumRetryAttempts: 1 } } });
    await run.thenDeadLetters([{ keys: { id: 't1' }, eventName: 'MODIFY', blocked: true }]);
    const error = await rejection(run.then({ counts: [{ listId: 'b', count: 1 }] }));
    expect(error.message.split('\n')).toEqual([
      'projection tables differ from the expected rows (deliveries: {"mapping":{"MaximumRetryAttempts":1}}, poison: block)',
      'table counts: 1 missing, 1 unexpected (expected 1 row, received 1)',
      "  missing row { listId: 'b', count: 1 }",
      "  unexpected row { listId: 'a', count: 1 }",
      '3 records delivered once: 2 invocations, 2 records DISCARDED',
    ]);
  });

  it('gives the outcome: the tables, the distinct dead letters and one report per delivery', async () => {
    const outcome = await given(tasks).when(counts, { times: 2 }).outcome();
    expect(outcome.tables.counts).toEqual([
      { listId: 'a', count: 2 },
      { listId: 'b', count: 1 },
    ]);
    expect(outcome.deliveries.map((report) => report.recordsSucceeded)).toEqual([3, 3]);
    expect(outcome.deadLetters).toEqual([]);
    expect((outcome.source as InMemoryTable).stream.records()).toHaveLength(3);
  });

  it('delivers once however many assertions run, on a source written once', async () => {
    let writes = 0;
    const run = given((table) => {
      writes++;
      table.put({ id: 't1', listId: 'a' });
    }).when(counts);
    await run.then({ counts: [{ listId: 'a', count: 1 }] });
    await run.thenEqualsCleanPass();
    expect(await run.outcome()).toBe(await run.outcome());
    expect(writes).toBe(1);
  });

  it('fails a test that awaits a run without an expectation, instead of passing it silently', async () => {
    // The tables are wrong on purpose: a test that forgot `.then(expected)` must not go green.
    const run = given(tasks).when(counts);
    await expect(run as unknown as PromiseLike<unknown>).rejects.toThrow(
      'a projection spec asserts nothing by itself: end it with .then(expectedRows), ' +
        '.thenDeadLetters(expected) or .thenEqualsCleanPass(); .outcome() gives the tables',
    );
    // `return given(…).when(…)` from an async test, as often written:
    const returned = async () => run as unknown as PromiseLike<unknown>;
    await expect(returned()).rejects.toThrow(/asserts nothing by itself/);
    expect((await run.outcome()).tables.counts).toBeDefined();
  });

  it('honours asymmetric matchers and rejects expectations that are not rows per table', async () => {
    const run = given(tasks).when(counts);
    await run.then({
      counts: [
        { listId: expect.stringMatching(/^[ab]$/), count: 2 },
        { listId: 'b', count: expect.any(Number) },
      ],
    });
    const error = await rejection(
      run.then({
        counts: [
          { listId: 'a', count: expect.any(String) },
          { listId: 'b', count: 1 },
        ],
      }),
    );
    expect(error.message).toContain('    count: expected Any<String>, received 2');
    expect(() => run.then([] as never)).toThrow(TypeError);
  });

  it('rejects a source table without a stream, no projections, a bad times or an unknown preset', () => {
    const noStream = new InMemoryTable({
      tableName: 'tasks',
      partitionKey: { name: 'id', type: 'S' },
    });
    expect(() => given(noStream)).toThrow('table tasks has no stream (set streamViewType)');
    expect(() => given(tasks).when(counts, { times: 0 })).toThrow(RangeError);
    expect(() => given(tasks).when([])).toThrow(TypeError);
    expect(() => given(tasks).when(counts, { deliveries: 'chaos' as never })).toThrow(
      "deliveries must be 'clean', 'duplicated', 'faulty' or a plan, got \"chaos\"",
    );
  });
});

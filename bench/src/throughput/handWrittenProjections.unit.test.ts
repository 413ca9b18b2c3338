import { InMemoryDeadLetters, InMemoryProjectionStore, processBatch } from '@sluice/projections';
import { toLambdaEvent } from '@sluice/testing';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { handlerProjections } from '../orders/benchProjections.js';
import { OrderLineWorkload } from '../orders/orderLineWorkload.js';
import { handWrittenProjections, handWrittenTables } from './handWrittenProjections.js';

type Row = Record<string, unknown>;

// Batches of a stream read from its start (an empty table), passed through JSON as Lambda delivers them.
const cleanPass = (changes: number, batchSize: number, seed: number): DynamoDBStreamEvent[] => {
  const workload = new OrderLineWorkload({ seed, liveLines: 200, orderSpace: 150 });
  const records = workload.run(changes);
  const events: DynamoDBStreamEvent[] = [];
  for (let at = 0; at < records.length; at += batchSize)
    events.push(
      JSON.parse(
        JSON.stringify(
          toLambdaEvent(records.slice(at, at + batchSize), workload.table.stream.streamArn),
        ),
      ),
    );
  return events;
};

const byKey = (rows: Row[]) =>
  rows.sort((x, y) =>
    `${x.orderId}|${x.change ?? ''}` < `${y.orderId}|${y.change ?? ''}` ? -1 : 1,
  );

describe('the hand-written handler (a′)', () => {
  it.each([
    [1, 2000],
    [2, 100],
    [3, 7],
  ])(
    'leaves the tables Sluice leaves after a clean pass (seed %i, batches of %i)',
    async (seed, size) => {
      const events = cleanPass(1200, size, seed);
      const store = new InMemoryProjectionStore();
      const settings = {
        projections: handlerProjections,
        store,
        deadLetters: new InMemoryDeadLetters(),
      };
      const tables = handWrittenTables();
      for (const event of events) {
        const result = await processBatch(settings, event.Records);
        expect(result._tag).toBe('BatchCompleted');
        expect(handWrittenProjections(event, tables)).toBe(event.Records.length);
      }
      const sluice = store.tables();
      const history = [...tables.orderHistory.values()].flatMap((rows) => [...rows.values()]);
      expect(history).toHaveLength(1200);
      expect(byKey(history)).toEqual(byKey(sluice.orderHistory ?? []));
      expect(byKey([...tables.linesPerOrder.values()] as unknown as Row[])).toEqual(
        byKey(sluice.linesPerOrder ?? []),
      );
    },
  );
});

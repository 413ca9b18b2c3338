import { createEventSourceMapping, InMemoryTable, toLambdaEvent } from '@sluice/offline';
import type { Context, DynamoDBStreamEvent } from 'aws-lambda';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { InMemoryDeadLetters } from '../../deadLetter/inMemoryDeadLetters.js';
import { lambdaHandler } from '../../lambda/lambdaHandler.js';
import { InMemoryProjectionStore } from '../../memory/inMemoryProjectionStore.js';
import { defineProjection } from '../../projection/projection.js';
import { projectionProcessor } from '../projectionPoller.js';

// A projection that only remembers the images it was handed.
const seeing = () => {
  const seen: unknown[] = [];
  const projection = defineProjection({
    name: 'seen',
    version: 1,
    item: t.UnknownRecord,
    viewType: 'NEW_IMAGE',
    plan: (event) => {
      seen.push(
        event.eventName === 'REMOVE' ? undefined : (event as { newImage: unknown }).newImage,
      );
      return [];
    },
  });
  const settings = {
    projections: [projection],
    store: new InMemoryProjectionStore(),
    deadLetters: new InMemoryDeadLetters(),
  };
  return { seen, settings };
};

const bytes = new Uint8Array([0, 1, 2, 250, 255]);
const table = () => {
  const t = new InMemoryTable({
    tableName: 'files',
    partitionKey: { name: 'id', type: 'B' },
    streamViewType: 'NEW_IMAGE',
  });
  t.putItem({
    id: { B: bytes },
    blob: { B: bytes },
    blobs: { BS: [bytes, new Uint8Array([7])] },
    nested: { M: { list: { L: [{ B: bytes }, { S: 'plain' }] } } },
  });
  return t;
};

describe('one Lambda-shaped record for every runner', () => {
  it('a binary attribute decodes to the same bytes through the Lambda handler (JSON), the poller and the delivery driver', async () => {
    const source = table();
    const records = source.stream.records();
    const arn = source.stream.streamArn;

    const lambda = seeing();
    const event = JSON.parse(JSON.stringify(toLambdaEvent(records, arn))) as DynamoDBStreamEvent;
    expect(await lambdaHandler(lambda.settings)(event, {} as Context)).toEqual({
      batchItemFailures: [],
    });

    const poller = seeing();
    await projectionProcessor(poller.settings)(records, { streamArn: arn, shardId: 'shardId-1' });

    const driver = seeing();
    const handler = lambdaHandler(driver.settings);
    await (
      await createEventSourceMapping({
        source,
        handler,
        options: handler.recommendedEventSourceMapping,
      })
    ).drain();

    const expected = {
      id: bytes,
      blob: bytes,
      blobs: new Set([bytes, new Uint8Array([7])]),
      nested: { list: [bytes, 'plain'] },
    };
    for (const run of [lambda, poller, driver]) {
      expect(run.settings.deadLetters.letters).toEqual([]);
      expect(run.seen).toEqual([expected]);
      expect((run.seen[0] as { blob: unknown }).blob).toBeInstanceOf(Uint8Array);
    }
  });
});

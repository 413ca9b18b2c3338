import { eventNames } from '@sluice/core';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { orderHistory } from '../builtins/orderHistory.js';
import { InMemoryDeadLetters } from '../deadLetter/inMemoryDeadLetters.js';
import { lambdaHandler } from '../lambda/lambdaHandler.js';
import { InMemoryProjectionStore } from '../memory/inMemoryProjectionStore.js';
import { projectionProcessor } from '../poller/projectionPoller.js';
import { changeEvent } from '../testSupport/changeEvents.js';
import { lambdaRecord } from '../testSupport/lambdaRecords.js';
import { TaskCodec, taskProjections } from '../testSupport/taskHistory.js';
import { emfMetrics } from './emfMetrics.js';
import { jsonLogger } from './jsonLogger.js';
import { defaultTelemetry, telemetry as runnerTelemetry } from './runnerTelemetry.js';
import { silentTelemetry } from './telemetry.js';
import { emfViolations } from './testSupport/emfSpecification.js';

const task = (id: string, points: unknown) => ({ id, list: 'l0', points, title: 't' });
const records = [
  changeEvent({ eventName: 'INSERT', keys: { id: 'a' }, sequence: 1, newImage: task('a', 1) }),
  changeEvent({ eventName: 'INSERT', keys: { id: 'b' }, sequence: 2, newImage: task('b', 'two') }),
  changeEvent({ eventName: 'INSERT', keys: { id: 'c' }, sequence: 3, newImage: task('c', 3) }),
].map(lambdaRecord);

const capture = () => {
  const metrics: string[] = [];
  const logs: Record<string, unknown>[] = [];
  const telemetry = {
    metrics: emfMetrics({
      namespace: 'Sluice',
      write: (l) => metrics.push(l),
      now: () => 1_700_000_000_000,
    }),
    logger: jsonLogger((l) => logs.push(JSON.parse(l))),
  };
  return { metrics, logs, telemetry };
};
const settings = () => ({
  projections: taskProjections(),
  store: new InMemoryProjectionStore(),
  deadLetters: new InMemoryDeadLetters(),
});

describe('telemetry of the runners', () => {
  it('the Lambda handler writes valid EMF (checked against the published specification) with what the batch did', async () => {
    const out = capture();
    const handler = lambdaHandler({ ...settings(), telemetry: out.telemetry });
    await handler({ Records: records } as never, { functionName: 'orders-projections' } as Context);
    expect(out.metrics).toHaveLength(1);
    for (const line of out.metrics) expect(emfViolations(line)).toEqual([]);
    const emf = JSON.parse(out.metrics[0]!);
    expect(emf._aws.CloudWatchMetrics[0].Dimensions).toEqual([['Service', 'Runner']]);
    expect(emf).toMatchObject({
      Service: 'orders-projections',
      Runner: 'lambda',
      RecordsReceived: 3,
      RecordsProcessed: 3,
      RecordsApplied: 2,
      RecordsPoison: 1,
      DeadLettersWritten: 3,
      BatchesFailed: 0,
    });
    const poison = out.logs.filter((l) => l.message === 'poison record dead-lettered');
    expect(poison.map((l) => [l.level, l.projection, l.eventId, l.sequenceNumber])).toEqual([
      ['WARN', 'taskHistory', 'ev-2', '100000000000000000002'],
      ['WARN', 'listTotals', 'ev-2', '100000000000000000002'],
      ['WARN', 'taskArchive', 'ev-2', '100000000000000000002'],
    ]);
  });

  it('counts the records no projection wanted as filtered, apart from the applied ones', async () => {
    const out = capture();
    const history = orderHistory({
      name: 'removals',
      table: 'removals',
      item: TaskCodec,
      viewType: 'NEW_AND_OLD_IMAGES',
      filter: eventNames('REMOVE'),
      entityId: (event) => String((event.keys as { id: string }).id),
    });
    const removal = lambdaRecord(
      changeEvent({ eventName: 'REMOVE', keys: { id: 'a' }, sequence: 4, oldImage: task('a', 1) }),
    );
    await lambdaHandler({ ...settings(), projections: [history], telemetry: out.telemetry })(
      { Records: [records[0], removal, records[2]] } as never,
      {} as Context,
    );
    expect(JSON.parse(out.metrics[0]!)).toMatchObject({
      RecordsReceived: 3,
      RecordsApplied: 1,
      RecordsFiltered: 2,
    });
  });

  it('a stopped batch is counted and logged with the record it stopped at', async () => {
    const out = capture();
    const run = settings();
    run.store.failAfter(0, 'fail');
    await lambdaHandler({ ...run, telemetry: out.telemetry })(
      { Records: records } as never,
      {} as Context,
    );
    expect(JSON.parse(out.metrics[0]!)).toMatchObject({ BatchesFailed: 1, Service: 'sluice' });
    expect(out.logs.find((l) => l.level === 'ERROR')).toMatchObject({
      eventId: 'ev-1',
      sequenceNumber: '100000000000000000001',
      cause: 'ApplyFailed',
    });
  });

  it('the poller reports the iterator age of each shard as its own dimension set', async () => {
    const out = capture();
    const streamsRecord = {
      ...records[0],
      dynamodb: {
        ...(records[0] as { dynamodb: object }).dynamodb,
        ApproximateCreationDateTime: new Date(Date.now() - 5_000),
      },
    };
    await projectionProcessor(
      settings(),
      undefined,
      out.telemetry,
      'poller-app',
    )([streamsRecord as never], { streamArn: 'arn', shardId: 'shardId-7' });
    expect(out.metrics).toHaveLength(2);
    for (const line of out.metrics) expect(emfViolations(line)).toEqual([]);
    const age = JSON.parse(out.metrics[1]!);
    expect(age._aws.CloudWatchMetrics[0].Dimensions).toEqual([['Service', 'Runner', 'ShardId']]);
    expect(age).toMatchObject({ Service: 'poller-app', Runner: 'poller', ShardId: 'shardId-7' });
    expect(age.IteratorAge).toBeGreaterThanOrEqual(5_000);
    expect(out.logs.at(-1)).toMatchObject({ level: 'INFO', shardId: 'shardId-7', records: 1 });
  });

  it('goes through a Powertools Metrics and Logger when given them', async () => {
    const calls: unknown[][] = [];
    const metrics = {
      addDimension: (...a: unknown[]) => calls.push(['dimension', ...a]),
      addMetric: (...a: unknown[]) => calls.push(['metric', ...a]),
      publishStoredMetrics: () => calls.push(['publish']),
    };
    const logged: unknown[][] = [];
    const logger = {
      info: (...a: unknown[]) => logged.push(['info', ...a]),
      warn: (...a: unknown[]) => logged.push(['warn', ...a]),
      error: (...a: unknown[]) => logged.push(['error', ...a]),
    };
    await lambdaHandler({ ...settings(), telemetry: runnerTelemetry({ metrics, logger }) })(
      { Records: records.slice(0, 1) } as never,
      {} as Context,
    );
    expect(calls).toContainEqual(['dimension', 'Runner', 'lambda']);
    expect(calls).toContainEqual(['metric', 'RecordsReceived', 'Count', 1]);
    expect(calls.at(-1)).toEqual(['publish']);
    expect(logged).toEqual([
      ['info', 'batch done', { records: 1, durationMs: expect.any(Number) }],
    ]);
  });

  it('writes EMF by itself inside Lambda only; the validator refuses what the specification refuses', () => {
    expect(defaultTelemetry({})).toBe(silentTelemetry);
    expect(defaultTelemetry({ AWS_LAMBDA_FUNCTION_NAME: 'f' })).not.toBe(silentTelemetry);
    expect(
      emfViolations(
        '{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[["D"]],"Metrics":[{"Name":"M","Unit":"Furlongs"}]}]},"D":1,"M":"x"}',
      ),
    ).toEqual([
      'dimension D must be a root member holding a string of 1 to 1024 characters',
      'metric M has the unknown unit Furlongs',
      'metric M must be a root member holding a number (or up to 100)',
    ]);
  });
});

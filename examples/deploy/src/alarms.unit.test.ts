import { describe, expect, it } from 'vitest';
import { samTemplate } from './samTemplate.js';

type Alarm = { Type: string; Properties: Record<string, unknown> };
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
}) as { Resources: Record<string, Alarm> };
const alarms = Object.values(template.Resources).filter((r) => r.Type === 'AWS::CloudWatch::Alarm');
const alarmOn = (metric: string) =>
  alarms.find((a) => a.Properties.MetricName === metric)?.Properties;

describe('the alarms of a generated template', () => {
  it('watch the iterator age, function errors, dead letters written and the on-failure queue', () => {
    expect(alarms.map((a) => a.Properties.MetricName).sort()).toEqual([
      'ApproximateNumberOfMessagesVisible',
      'DeadLettersWritten',
      'Errors',
      'IteratorAge',
    ]);
    expect(alarmOn('IteratorAge')).toMatchObject({
      Namespace: 'AWS/Lambda',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: 'ProjectionFunction' } }],
      Statistic: 'Maximum',
      Threshold: 60_000,
    });
    expect(alarmOn('ApproximateNumberOfMessagesVisible')).toMatchObject({
      Namespace: 'AWS/SQS',
      Dimensions: [
        { Name: 'QueueName', Value: { 'Fn::GetAtt': ['ProjectionFailures', 'QueueName'] } },
      ],
      Threshold: 0,
    });
  });
});

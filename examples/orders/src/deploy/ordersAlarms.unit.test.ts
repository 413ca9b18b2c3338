import { InMemoryDeadLetters, InMemoryProjectionStore } from '@sluice/projections';
import { lambdaHandler } from '@sluice/projections/lambda';
import { emfMetrics, jsonLogger } from '@sluice/projections/telemetry';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { orderProjections } from '../orderProjections.js';
import { ordersTemplate } from './ordersTemplate.js';

type Resource = { Type: string; Properties: Record<string, unknown> };
const resources = (ordersTemplate() as { Resources: Record<string, Resource> }).Resources;

describe('the orders stack’s dead-letter alarm', () => {
  it('watches exactly the namespace and dimensions of the EMF lines the deployed handler writes', async () => {
    const variables = (
      resources.ProjectionFunction!.Properties as {
        Environment: { Variables: Record<string, string> };
      }
    ).Environment.Variables;
    const lines: string[] = [];
    const handler = lambdaHandler({
      projections: orderProjections,
      store: new InMemoryProjectionStore(),
      deadLetters: new InMemoryDeadLetters(),
      telemetry: {
        metrics: emfMetrics({
          namespace: variables.POWERTOOLS_METRICS_NAMESPACE!,
          write: (l) => lines.push(l),
        }),
        logger: jsonLogger(() => {}),
      },
    });
    const poison = {
      eventID: 'e1',
      eventName: 'INSERT',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'eu-west-1',
      eventSourceARN: 'arn:aws:dynamodb:eu-west-1:123456789012:table/orders/stream/x',
      dynamodb: {
        ApproximateCreationDateTime: 1,
        Keys: { orderId: { S: 'o' }, lineId: { S: 'l' } },
        NewImage: { orderId: { S: 'o' }, lineId: { S: 'l' }, quantity: { S: 'many' } },
        SequenceNumber: '100000000000000000001',
        SizeBytes: 1,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    };
    await handler(
      { Records: [poison] } as never,
      { functionName: 'deployed-orders-fn' } as Context,
    );
    const emf = JSON.parse(lines[0]!);
    const directive = emf._aws.CloudWatchMetrics[0];
    const alarm = Object.values(resources).find(
      (r) => r.Properties.MetricName === 'DeadLettersWritten',
    )!.Properties;
    expect(alarm.Namespace).toBe(directive.Namespace);
    const dimensions = alarm.Dimensions as { Name: string; Value: unknown }[];
    expect(dimensions.map((d) => d.Name)).toEqual(directive.Dimensions[0]);
    // The function's name is what Ref gives; the runner is written as is.
    expect(dimensions).toEqual([
      { Name: 'Service', Value: { Ref: 'ProjectionFunction' } },
      { Name: 'Runner', Value: emf.Runner },
    ]);
    expect(emf).toMatchObject({ Service: 'deployed-orders-fn', DeadLettersWritten: 2 });
  });
});

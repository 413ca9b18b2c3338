import type { DynamoDBBatchResponse, DynamoDBStreamHandler } from 'aws-lambda';
import { describe, expectTypeOf, it } from 'vitest';
import type { EventSourceMappingOptions } from './eventSourceMappingOptions.js';
import type { StreamHandler } from './streamHandler.js';

describe('StreamHandler', () => {
  it('accepts the handlers a Lambda function exports', () => {
    expectTypeOf<DynamoDBStreamHandler>().toExtend<StreamHandler>();
    expectTypeOf(async () => {}).toExtend<StreamHandler>();
    expectTypeOf(
      async (): Promise<DynamoDBBatchResponse> => ({ batchItemFailures: [] }),
    ).toExtend<StreamHandler>();
    expectTypeOf(
      (): DynamoDBBatchResponse => ({ batchItemFailures: [] }),
    ).toExtend<StreamHandler>();
  });

  it('rejects a handler whose response is not a batch response', () => {
    expectTypeOf(async () => 'done').not.toExtend<StreamHandler>();
    expectTypeOf(async () => ({ batchItemFailures: [{ id: '1' }] })).not.toExtend<StreamHandler>();
  });
});

describe('EventSourceMappingOptions', () => {
  it('uses the names and literal values of CreateEventSourceMapping', () => {
    expectTypeOf<EventSourceMappingOptions['StartingPosition']>().toEqualTypeOf<
      'TRIM_HORIZON' | 'LATEST' | undefined
    >();
    // @ts-expect-error AT_TIMESTAMP is a Kinesis position, not a DynamoDB Streams one.
    const _position: EventSourceMappingOptions = { StartingPosition: 'AT_TIMESTAMP' };
    // @ts-expect-error the only response type Lambda knows.
    const _types: EventSourceMappingOptions = { FunctionResponseTypes: ['ReportItemFailures'] };
  });
});

import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { parser } from '@aws-lambda-powertools/batch/parser';
import { DynamoDBMarshalled } from '@aws-lambda-powertools/parser/helpers/dynamodb';
import {
  DynamoDBStreamChangeRecordBase,
  DynamoDBStreamRecord,
} from '@aws-lambda-powertools/parser/schemas/dynamodb';
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import type { z } from 'zod';
import { BenchOrderLineSchema } from '../orders/benchOrderLineSchema.js';

/**
 * One record of `DynamoDBStreamSchema`, with both images unmarshalled and validated by the item
 * schema, exactly as Powertools' batch docs extend it ("advanced parser" / parser integration).
 */
export const OrderLineStreamRecordSchema = DynamoDBStreamRecord.extend({
  dynamodb: DynamoDBStreamChangeRecordBase.extend({
    NewImage: DynamoDBMarshalled(BenchOrderLineSchema).optional(),
    OldImage: DynamoDBMarshalled(BenchOrderLineSchema).optional(),
  }),
});

/** A record as the Powertools record handler receives it: parsed and typed. */
export type ParsedOrderLineRecord = z.infer<typeof OrderLineStreamRecordSchema>;

/** A Powertools Lambda handler for DynamoDB streams. */
export type PowertoolsHandler = (
  event: DynamoDBStreamEvent,
  context: Context,
) => Promise<DynamoDBBatchResponse>;

/**
 * Alternative (b): `BatchProcessor(EventType.DynamoDBStreams)` with the parser integration and
 * `processPartialResponse`, as the Powertools docs set it up (default options: records are
 * processed concurrently, a failed one is reported in `batchItemFailures`).
 */
export const powertoolsHandler = (
  recordHandler: (record: ParsedOrderLineRecord) => Promise<void>,
): PowertoolsHandler => {
  const processor = new BatchProcessor(EventType.DynamoDBStreams, {
    parser,
    schema: OrderLineStreamRecordSchema,
  });
  return (event, context) =>
    processPartialResponse(event, recordHandler as (record: unknown) => Promise<void>, processor, {
      context,
    });
};

import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { parser } from '@aws-lambda-powertools/batch/parser';
import { DynamoDBStreamRecord } from '@aws-lambda-powertools/parser/schemas/dynamodb';
import type { z } from 'zod';
import type { PowertoolsHandler } from './powertoolsBatch.js';

/** A record as the handler of (b′) receives it: the stock schema's shape, images unmarshalled, not validated. */
export type StreamRecord = z.infer<typeof DynamoDBStreamRecord>;

/**
 * Alternative (b′): Powertools without item validation. `BatchProcessor` with the parser
 * integration and the stock record schema of `DynamoDBStreamSchema` (`DynamoDBStreamRecord`),
 * no item schema. Since Powertools 2.x that schema unmarshalls `Keys`, `NewImage` and `OldImage`
 * itself, so the record handler gets plain objects and calls no `unmarshall` of its own.
 */
export const powertoolsStreamRecordHandler = (
  recordHandler: (record: StreamRecord) => Promise<void>,
): PowertoolsHandler => {
  const processor = new BatchProcessor(EventType.DynamoDBStreams, {
    parser,
    schema: DynamoDBStreamRecord,
  });
  return (event, context) =>
    processPartialResponse(event, recordHandler as (record: unknown) => Promise<void>, processor, {
      context,
    });
};

import { unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { orderLineEvent } from '../orders/orderLineEvent.js';
import { powertoolsStreamRecordHandler, type StreamRecord } from './powertoolsStreamRecord.js';

describe('Powertools without item validation (b′)', () => {
  it("hands the record handler both images as util-dynamodb's unmarshall gives them", async () => {
    const { event } = orderLineEvent(200);
    const seen: StreamRecord[] = [];
    const handler = powertoolsStreamRecordHandler(async (record) => {
      seen.push(record);
    });
    const response = await handler(event, {} as never);
    expect(response.batchItemFailures).toEqual([]);
    expect(seen).toHaveLength(200);
    // biome-ignore lint/suspicious/noExplicitAny: the raw records are DynamoDB JSON.
    const images = (image: any) => (image === undefined ? undefined : unmarshall(image));
    const byEventId = new Map(seen.map((r) => [r.eventID, r]));
    for (const raw of event.Records) {
      const parsed = byEventId.get(raw.eventID!)!;
      expect(parsed.dynamodb.NewImage).toEqual(images(raw.dynamodb!.NewImage));
      expect(parsed.dynamodb.OldImage).toEqual(images(raw.dynamodb!.OldImage));
    }
  });
});

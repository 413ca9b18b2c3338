// Sluice's typed images must be exactly what util-dynamodb's unmarshall gives, so that the
// throughput comparison compares equal work. Core checks this for arbitrary items
// (packages/core/src/attributes/unmarshallMatchesUtil.unit.test.ts, decode/roundTrip.unit.test.ts,
// decode/fastImageDecode.unit.test.ts); here it is checked for the benchmark's own codec and records.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { changeEventDecoder } from '@sluice/core';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { BenchOrderLineCodec, BenchOrderLineKeyCodec } from '../orders/benchOrderLine.js';
import { orderLineArbitrary } from '../orders/orderLineArbitrary.js';
import { orderLineAttributes } from '../orders/orderLineAttributes.js';
import { orderLineEvent } from '../orders/orderLineEvent.js';

type Image = Record<string, AttributeValue>;

const decoder = changeEventDecoder({
  item: BenchOrderLineCodec,
  keys: BenchOrderLineKeyCodec,
  viewType: 'NEW_AND_OLD_IMAGES',
});

const modifyRecord = (NewImage: Image, OldImage: Image) =>
  JSON.parse(
    JSON.stringify({
      eventID: 'e1',
      eventName: 'MODIFY',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'us-east-1',
      eventSourceARN:
        'arn:aws:dynamodb:us-east-1:000000000000:table/orders/stream/2024-01-01T00:00:00.000',
      dynamodb: {
        ApproximateCreationDateTime: 1_704_067_200,
        Keys: { orderId: NewImage.orderId, lineId: NewImage.lineId },
        NewImage,
        OldImage,
        SequenceNumber: '100000000000000000001',
        SizeBytes: 512,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    }),
  );

const imagesOf = (record: { dynamodb: { NewImage?: Image; OldImage?: Image } }) => ({
  newImage: record.dynamodb.NewImage && unmarshall(record.dynamodb.NewImage),
  oldImage: record.dynamodb.OldImage && unmarshall(record.dynamodb.OldImage),
});

describe("Sluice's decoded images against util-dynamodb's unmarshall", () => {
  it('are equal for any pair of order lines in a MODIFY record', () => {
    fc.assert(
      fc.property(orderLineArbitrary, orderLineArbitrary, (after, before) => {
        const record = modifyRecord(orderLineAttributes(after), orderLineAttributes(before));
        const decoded = decoder.decodeRecord(record);
        if (E.isLeft(decoded)) throw new Error(decoded.left.message);
        const { newImage, oldImage } = decoded.right as { newImage?: unknown; oldImage?: unknown };
        expect({ newImage, oldImage }).toStrictEqual(imagesOf(record));
      }),
      { numRuns: 200 },
    );
  });

  it('are equal for every record of the benchmark event', () => {
    const { event } = orderLineEvent(300);
    const { results } = decoder.decodeBatch(event.Records);
    expect(results).toHaveLength(300);
    results.forEach((decoded, i) => {
      if (E.isLeft(decoded)) throw new Error(decoded.left.message);
      const { newImage, oldImage } = decoded.right as { newImage?: unknown; oldImage?: unknown };
      const record = event.Records[i] as unknown as Parameters<typeof imagesOf>[0];
      expect({ newImage, oldImage }).toStrictEqual(imagesOf(record));
    });
  });
});

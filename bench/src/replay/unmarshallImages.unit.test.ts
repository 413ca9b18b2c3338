import { unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { OrderLineWorkload } from '../orders/orderLineWorkload.js';
import { unmarshallImages } from './unmarshallImages.js';

describe('unmarshallImages', () => {
  it("gives both images of every record as util-dynamodb's unmarshall reads them", () => {
    const records = new OrderLineWorkload({ seed: 3 }).run(50);
    const images = unmarshallImages(records);
    expect(images).toHaveLength(100);
    records.forEach(({ dynamodb }, i) => {
      expect(images[2 * i]).toStrictEqual(
        dynamodb.NewImage && unmarshall(dynamodb.NewImage as never),
      );
      expect(images[2 * i + 1]).toStrictEqual(
        dynamodb.OldImage && unmarshall(dynamodb.OldImage as never),
      );
    });
    expect(images.some((image) => image === undefined)).toBe(true);
  });
});

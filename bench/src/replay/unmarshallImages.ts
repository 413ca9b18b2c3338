import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { InMemoryStreamRecord } from '@sluice/testing';

type Image = Record<string, AttributeValue>;

/**
 * The replay's reference pipeline: util-dynamodb's `unmarshall` of both images of every record,
 * kept for the batch as a handler would keep them, and nothing else (no validation, no projection).
 */
export const unmarshallImages = (records: readonly InMemoryStreamRecord[]): unknown[] => {
  const images: unknown[] = [];
  for (const { dynamodb } of records) {
    images.push(
      dynamodb.NewImage && unmarshall(dynamodb.NewImage as Image),
      dynamodb.OldImage && unmarshall(dynamodb.OldImage as Image),
    );
  }
  return images;
};

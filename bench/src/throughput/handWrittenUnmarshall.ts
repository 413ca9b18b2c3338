import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';

type Image = Record<string, AttributeValue>;

/** What the hand-written loop produces per record: the event name and both images as plain objects. */
export interface UnmarshalledChange {
  readonly eventName: string | undefined;
  readonly newImage: Record<string, unknown> | undefined;
  readonly oldImage: Record<string, unknown> | undefined;
}

/**
 * Baseline (a): what many handlers do by hand, `unmarshall` both images of every record with
 * `@aws-sdk/util-dynamodb`; no validation, no types beyond `Record<string, unknown>`.
 */
export const handWrittenUnmarshall = (event: DynamoDBStreamEvent): UnmarshalledChange[] => {
  const changes: UnmarshalledChange[] = [];
  for (const record of event.Records) {
    const images = record.dynamodb;
    changes.push({
      eventName: record.eventName,
      // aws-lambda's AttributeValue type is the SDK's, spelled differently.
      newImage: images?.NewImage ? unmarshall(images.NewImage as Image) : undefined,
      oldImage: images?.OldImage ? unmarshall(images.OldImage as Image) : undefined,
    });
  }
  return changes;
};

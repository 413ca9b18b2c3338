import type { ChangeEvent } from '@sluice/core';

/** Marshals plain test values (strings, numbers, booleans, null, lists, maps) to AttributeValues. */
export const marshall = (value: unknown): unknown => {
  if (value === null) return { NULL: true };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: String(value) };
  if (typeof value === 'boolean') return { BOOL: value };
  if (Array.isArray(value)) return { L: value.map(marshall) };
  return { M: marshallMap(value as Record<string, unknown>) };
};

/** Marshals an item. */
export const marshallMap = (item: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(item).map(([name, v]) => [name, marshall(v)]));

const STREAM_ARN =
  'arn:aws:dynamodb:eu-west-1:123456789012:table/Tasks/stream/2024-01-01T00:00:00.000';

/** The Lambda-shaped record a change event came from (images marshalled, times in epoch seconds). */
export const lambdaRecord = (event: ChangeEvent<unknown>): Record<string, unknown> => {
  const images = event as {
    newImage?: Record<string, unknown>;
    oldImage?: Record<string, unknown>;
  };
  return {
    eventID: event.eventId,
    eventName: event.eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'eu-west-1',
    eventSourceARN: STREAM_ARN,
    ...(event.eventName === 'REMOVE' && event.removedBy === 'ttl'
      ? { userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' } }
      : {}),
    dynamodb: {
      ApproximateCreationDateTime: event.approximateCreationTime.getTime() / 1000,
      Keys: marshallMap(event.keys as Record<string, unknown>),
      ...(images.newImage ? { NewImage: marshallMap(images.newImage) } : {}),
      ...(images.oldImage ? { OldImage: marshallMap(images.oldImage) } : {}),
      SequenceNumber: event.sequenceNumber,
      SizeBytes: event.sizeBytes,
      StreamViewType: event.streamViewType,
    },
  };
};

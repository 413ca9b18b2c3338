import type { _Record, AttributeValue } from '@aws-sdk/client-dynamodb-streams';
import { compareSequenceNumbers, type SequenceNumber } from '@sluice/core';

type Image = Record<string, AttributeValue>;

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/**
 * An AttributeValue with only representation freedom removed: binary as base64 text, set
 * elements sorted (DynamoDB promises no set order). Numbers stay as written: their canonical
 * form is part of what must match.
 */
const comparableValue = (value: AttributeValue): unknown => {
  if (value.B !== undefined) return { B: base64(value.B) };
  if (value.BS !== undefined) return { BS: value.BS.map(base64).sort() };
  if (value.SS !== undefined) return { SS: [...value.SS].sort() };
  if (value.NS !== undefined) return { NS: [...value.NS].sort() };
  if (value.M !== undefined) return { M: comparableImage(value.M) };
  if (value.L !== undefined) return { L: value.L.map(comparableValue) };
  return value;
};

/** An item or image in comparable form (see `comparableValue`). */
export const comparableImage = (image: Image | undefined): Record<string, unknown> | undefined =>
  image === undefined
    ? undefined
    : Object.fromEntries(
        Object.entries(image).map(([name, value]) => [name, comparableValue(value)]),
      );

/**
 * A stream record without what must differ between two DynamoDB implementations: `eventID`,
 * timestamps, region and the absolute sequence number (records are compared in sequence order).
 */
export const comparableRecord = (record: _Record) => ({
  eventName: record.eventName,
  eventVersion: record.eventVersion,
  eventSource: record.eventSource,
  ...(record.userIdentity === undefined ? {} : { userIdentity: record.userIdentity }),
  dynamodb: {
    Keys: comparableImage(record.dynamodb?.Keys),
    ...(record.dynamodb?.NewImage === undefined
      ? {}
      : { NewImage: comparableImage(record.dynamodb.NewImage) }),
    ...(record.dynamodb?.OldImage === undefined
      ? {}
      : { OldImage: comparableImage(record.dynamodb.OldImage) }),
    SizeBytes: record.dynamodb?.SizeBytes,
    StreamViewType: record.dynamodb?.StreamViewType,
  },
});

/** Records in sequence-number order (as integers), then in comparable form. */
export const comparableStream = (records: readonly _Record[]) =>
  [...records]
    .sort((a, b) =>
      compareSequenceNumbers(
        (a.dynamodb?.SequenceNumber ?? '0') as SequenceNumber,
        (b.dynamodb?.SequenceNumber ?? '0') as SequenceNumber,
      ),
    )
    .map(comparableRecord);

import { gunzipSync, gzipSync } from 'node:zlib';
import { parseStreamArn } from '@sluice/core';
import type { DeadLetter } from './deadLetter.js';
import { parseRecordJson, recordJson } from './recordJson.js';
import { fieldPathOf, letterKeyOf, type StoredLetter, streamArnOf } from './storedLetter.js';

/**
 * The most compressed record bytes a letter holds: DynamoDB items stop at 400 KB, and the rest of
 * the letter (keys, reason, position) is kept well under the remaining 50 KB.
 */
export const MAX_RECORD_BYTES = 350_000;
const MAX_TEXT = 4_000;

const clip = (text: string): string =>
  text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT)}… (${text.length} characters)`;

// Keys and position only: what is needed to find the record again in the stream.
const withoutImages = (record: unknown): unknown => {
  if (record === null || typeof record !== 'object') return record;
  const { dynamodb, ...rest } = record as Record<string, unknown>;
  if (dynamodb === null || typeof dynamodb !== 'object') return record;
  const { NewImage: _new, OldImage: _old, ...kept } = dynamodb as Record<string, unknown>;
  return { ...rest, dynamodb: kept };
};

const compressed = (record: unknown) => {
  const whole = gzipSync(recordJson(record));
  if (whole.byteLength <= MAX_RECORD_BYTES) return { bytes: whole, imagesOmitted: false };
  return { bytes: gzipSync(recordJson(withoutImages(record))), imagesOmitted: true };
};

/**
 * A dead letter as a table item (lib-dynamodb's plain-object form). The record is stored as
 * gzip-compressed JSON in the binary `record`; if even that exceeds `MAX_RECORD_BYTES`, its
 * images are dropped (`imagesOmitted`) and only keys and position remain.
 */
export const letterItem = (letter: DeadLetter, now: Date): Record<string, unknown> => {
  const streamArn = streamArnOf(letter);
  const sourceTable = streamArn === undefined ? undefined : parseStreamArn(streamArn)?.tableName;
  const fieldPath = fieldPathOf(letter.reason);
  const { bytes, imagesOmitted } = compressed(letter.record);
  const optional = { eventId: letter.eventId, sequenceNumber: letter.sequenceNumber };
  return {
    ...letterKeyOf(letter),
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
    ...(letter.shardId === undefined ? {} : { shardId: letter.shardId }),
    ...(streamArn === undefined ? {} : { streamArn }),
    ...(sourceTable === undefined ? {} : { sourceTable }),
    reason: letter.reason._tag,
    message: clip(letter.reason.message),
    ...(fieldPath === undefined ? {} : { fieldPath: clip(fieldPath) }),
    blocked: letter.blocked,
    deadLetteredAt: now.toISOString(),
    record: bytes,
    imagesOmitted,
  };
};

const text = (item: Record<string, unknown>, name: string): string | undefined => {
  const value = item[name];
  return typeof value === 'string' ? value : undefined;
};

/** A stored letter from its item; `undefined` when the item is not one `letterItem` wrote. */
export const storedLetterOf = (item: Record<string, unknown>): StoredLetter | undefined => {
  const projection = text(item, 'projection');
  const letterId = text(item, 'letterId');
  const record = item.record;
  if (projection === undefined || letterId === undefined || !(record instanceof Uint8Array))
    return undefined;
  return {
    projection,
    letterId,
    eventId: text(item, 'eventId'),
    sequenceNumber: text(item, 'sequenceNumber'),
    shardId: text(item, 'shardId'),
    streamArn: text(item, 'streamArn'),
    sourceTable: text(item, 'sourceTable'),
    reason: { _tag: text(item, 'reason') ?? 'Unknown', message: text(item, 'message') ?? '' },
    fieldPath: text(item, 'fieldPath'),
    blocked: item.blocked === true,
    deadLetteredAt: text(item, 'deadLetteredAt') ?? '',
    record: parseRecordJson(gunzipSync(record).toString('utf8')),
    imagesOmitted: item.imagesOmitted === true,
  };
};

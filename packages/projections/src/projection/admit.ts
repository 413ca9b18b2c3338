import type { ChangeEvent, StreamViewType } from '@sluice/core';
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import type { Projection } from './projection.js';
import type { CodecRejected, Rejection } from './rejection.js';

const HAS_NEW: Readonly<Record<StreamViewType, boolean>> = {
  KEYS_ONLY: false,
  NEW_IMAGE: true,
  OLD_IMAGE: false,
  NEW_AND_OLD_IMAGES: true,
};
const HAS_OLD: Readonly<Record<StreamViewType, boolean>> = {
  KEYS_ONLY: false,
  NEW_IMAGE: false,
  OLD_IMAGE: true,
  NEW_AND_OLD_IMAGES: true,
};

/** Whether a stream of view type `actual` carries every image a projection of view type `wanted` reads. */
export const providesImages = (actual: StreamViewType, wanted: StreamViewType): boolean =>
  (!HAS_NEW[wanted] || HAS_NEW[actual]) && (!HAS_OLD[wanted] || HAS_OLD[actual]);

const rejected = (
  field: string,
  errors: t.Errors,
  projection: string,
  event: ChangeEvent<unknown>,
): CodecRejected => {
  const first = errors[0];
  const steps = first ? first.context.slice(1).map((entry) => entry.key) : [];
  const path = ['dynamodb', field, ...steps.map((k) => (/^[0-9]+$/.test(k) ? Number(k) : k))];
  const expected = first?.context[first.context.length - 1]?.type.name ?? 'a valid value';
  return {
    _tag: 'CodecRejected',
    path,
    message:
      `projection ${projection} rejected record ${event.eventId} (sequence number ` +
      `${event.sequenceNumber}) at ${path.join('.')}: expected ${expected}` +
      (first?.message ? ` (${first.message})` : ''),
  };
};

type Mutable = Record<string, unknown>;

const FIELDS = ['newImage', 'oldImage', 'keys'] as const;
const RECORD_FIELD = { newImage: 'NewImage', oldImage: 'OldImage', keys: 'Keys' } as const;

/**
 * Checks a decoded change against a projection: the images it reads exist, and the images and
 * keys pass its codecs. Returns the event typed for the projection (the same object when the
 * codecs changed nothing, so admitting costs no allocation on the common path).
 */
export const admit = <T, V extends StreamViewType, K>(
  projection: Projection<T, V, K>,
  event: ChangeEvent<unknown>,
): E.Either<Rejection, ChangeEvent<T, V, K>> => {
  if (!providesImages(event.streamViewType, projection.viewType))
    return E.left({
      _tag: 'ViewTypeMismatch',
      expected: projection.viewType,
      actual: event.streamViewType,
      message:
        `projection ${projection.name} reads ${projection.viewType} images but record ` +
        `${event.eventId} comes from a ${event.streamViewType} stream`,
    });
  const source = event as unknown as Readonly<Record<string, unknown>>;
  let copy: Mutable | undefined;
  for (let f = 0; f < FIELDS.length; f++) {
    const field = FIELDS[f]!;
    // Only the images the projection reads are its business.
    const codec =
      field === 'keys'
        ? projection.keys
        : (field === 'newImage' ? HAS_NEW : HAS_OLD)[projection.viewType]
          ? projection.item
          : undefined;
    const value = source[field];
    if (codec === undefined || value === undefined) continue;
    const result = codec.decode(value);
    if (result._tag === 'Left')
      return E.left(rejected(RECORD_FIELD[field], result.left, projection.name, event));
    if (result.right !== value) {
      copy ??= { ...source };
      copy[field] = result.right;
    }
  }
  return E.right((copy ?? event) as unknown as ChangeEvent<T, V, K>);
};

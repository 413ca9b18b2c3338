import * as t from 'io-ts';

/** io-ts codec for the four DynamoDB stream view types. */
export const StreamViewTypeCodec = t.keyof({
  KEYS_ONLY: null,
  NEW_IMAGE: null,
  OLD_IMAGE: null,
  NEW_AND_OLD_IMAGES: null,
});

/** What a stream record carries besides the keys: `KEYS_ONLY`, `NEW_IMAGE`, `OLD_IMAGE` or `NEW_AND_OLD_IMAGES`. */
export type StreamViewType = t.TypeOf<typeof StreamViewTypeCodec>;

/** View types whose records carry the item after the change (INSERT and MODIFY). */
export type WithNewImage = 'NEW_IMAGE' | 'NEW_AND_OLD_IMAGES';

/** View types whose records carry the item before the change (MODIFY and REMOVE). */
export type WithOldImage = 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES';

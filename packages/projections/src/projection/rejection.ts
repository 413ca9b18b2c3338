import type { StreamViewType } from '@sluice/core';

/** The record's stream lacks an image the projection reads (e.g. NEW_IMAGE stream, OLD_IMAGE projection). */
export interface ViewTypeMismatch {
  readonly _tag: 'ViewTypeMismatch';
  readonly expected: StreamViewType;
  readonly actual: StreamViewType;
  readonly message: string;
}

/** An image or the keys failed the projection's codec. */
export interface CodecRejected {
  readonly _tag: 'CodecRejected';
  /** Where the bad value sits, from the record: `['dynamodb', 'NewImage', 'lines', 0, 'qty']`. */
  readonly path: ReadonlyArray<string | number>;
  readonly message: string;
}

/** Why a decoded change cannot be handed to a projection. */
export type Rejection = ViewTypeMismatch | CodecRejected;

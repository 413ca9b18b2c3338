import type { EventName } from '../event/changeEvent.js';
import type { StreamViewType } from '../event/streamViewType.js';

/** The images a record carries besides its keys, per DESIGN.md's table. */
export interface ExpectedImages {
  readonly newImage: boolean;
  readonly oldImage: boolean;
}

const NONE: ExpectedImages = { newImage: false, oldImage: false };
const NEW: ExpectedImages = { newImage: true, oldImage: false };
const OLD: ExpectedImages = { newImage: false, oldImage: true };
const BOTH: ExpectedImages = { newImage: true, oldImage: true };

const TABLE: Readonly<Record<StreamViewType, Readonly<Record<EventName, ExpectedImages>>>> = {
  KEYS_ONLY: { INSERT: NONE, MODIFY: NONE, REMOVE: NONE },
  NEW_IMAGE: { INSERT: NEW, MODIFY: NEW, REMOVE: NONE },
  OLD_IMAGE: { INSERT: NONE, MODIFY: OLD, REMOVE: OLD },
  NEW_AND_OLD_IMAGES: { INSERT: NEW, MODIFY: BOTH, REMOVE: OLD },
};

/** Which images a record of this kind carries on a stream of this view type. */
export const imagesOfViewType = (viewType: StreamViewType, eventName: EventName): ExpectedImages =>
  TABLE[viewType][eventName];

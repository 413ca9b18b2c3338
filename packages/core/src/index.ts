export type {
  ChangeEvent,
  ChangeMetadata,
  EventName,
  InsertEvent,
  ModifyEvent,
  RemovalCause,
  RemoveEvent,
} from './event/changeEvent.js';
export {
  type StreamViewType,
  StreamViewTypeCodec,
  type WithNewImage,
  type WithOldImage,
} from './event/streamViewType.js';
export { type ItemKey, itemKeyOf } from './identity/itemKey.js';
export {
  compareSequenceNumbers,
  type InvalidSequenceNumber,
  parseSequenceNumber,
  type SequenceNumber,
  SequenceNumberCodec,
  sortableSequenceNumber,
} from './sequence/sequenceNumber.js';

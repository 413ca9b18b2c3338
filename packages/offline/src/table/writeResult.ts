import type { AttributeMap } from '../item/attributeMap.js';
import type { InMemoryStreamRecord, StreamEventName } from '../stream/streamRecord.js';

/** What a write did: the item before and after, and the stream record it emitted. */
export interface WriteResult<I = AttributeMap> {
  /** INSERT, MODIFY or REMOVE; `undefined` when the write changed nothing (no stream record). */
  readonly eventName: StreamEventName | undefined;
  readonly oldItem: I | undefined;
  readonly newItem: I | undefined;
  /** The record appended to the table's stream, if the write changed the item and there is a stream. */
  readonly record: InMemoryStreamRecord | undefined;
}

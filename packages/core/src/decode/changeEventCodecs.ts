import type * as t from 'io-ts';
import type { InexactNumbers } from '../attributes/numberAttribute.js';
import type { StreamViewType } from '../event/streamViewType.js';

/** What a change-event decoder needs: the user's io-ts codecs and the stream's view type. */
export interface ChangeEventCodecs<
  T,
  V extends StreamViewType = StreamViewType,
  K = Record<string, unknown>,
> {
  /** io-ts codec for the item, applied to `NewImage` and `OldImage` after unmarshalling. */
  readonly item: t.Decoder<unknown, T>;
  /** io-ts codec for the key attributes; without one, `keys` is the unmarshalled `Keys` map. */
  readonly keys?: t.Decoder<unknown, K>;
  /**
   * The stream's view type, which fixes the static type of the events; a record whose
   * `StreamViewType` or images contradict it fails. Without it, each record's own is used.
   */
  readonly viewType?: V;
  /** Numbers a JS `number` cannot hold exactly: `fail` (default) or `wrap` in `NumberValue`. */
  readonly inexactNumbers?: InexactNumbers;
}

/** Extra facts about where records come from, for records that do not carry them. */
export interface DecodeContext {
  /** The stream ARN, for Streams API records (they have no `eventSourceARN`). */
  readonly streamArn?: string;
}

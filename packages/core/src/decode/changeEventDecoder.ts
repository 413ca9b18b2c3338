import type * as E from 'fp-ts/lib/Either.js';
import type { DecodeFailure } from '../errors/decodeFailure.js';
import type { ChangeEvent } from '../event/changeEvent.js';
import type { StreamViewType } from '../event/streamViewType.js';
import type { StreamRecordInput } from '../record/streamRecordInput.js';
import type { ChangeEventCodecs, DecodeContext } from './changeEventCodecs.js';
import { type DecodedBatch, decodeBatch } from './decodeBatch.js';
import { decodeRecord } from './decodeRecord.js';

/** A decoder bound to its codecs and view type; also usable wherever `ChangeEventCodecs` are expected. */
export interface ChangeEventDecoder<
  T,
  V extends StreamViewType = StreamViewType,
  K = Record<string, unknown>,
> extends ChangeEventCodecs<T, V, K> {
  /** Decodes one record; see `decodeRecord`. */
  readonly decodeRecord: (
    record: StreamRecordInput,
    context?: DecodeContext,
  ) => E.Either<DecodeFailure, ChangeEvent<T, V, K>>;
  /** Decodes a batch in order; see `decodeBatch`. */
  readonly decodeBatch: (
    records: ReadonlyArray<StreamRecordInput>,
    context?: DecodeContext,
  ) => DecodedBatch<T, V, K>;
}

/**
 * Creates a decoder for a stream: `changeEventDecoder({ item: Order, keys: OrderKey,
 * viewType: 'NEW_AND_OLD_IMAGES' })`. The events' static type follows the view type, so an
 * INSERT has `newImage` and no `oldImage`.
 */
export const changeEventDecoder = <
  T,
  V extends StreamViewType = StreamViewType,
  K = Record<string, unknown>,
>(
  codecs: ChangeEventCodecs<T, V, K>,
): ChangeEventDecoder<T, V, K> => ({
  ...codecs,
  decodeRecord: (record, context) => decodeRecord(codecs, record, context),
  decodeBatch: (records, context) => decodeBatch(codecs, records, context),
});

import * as E from 'fp-ts/lib/Either.js';
import { type DecodeFailure, decodeFailure, problemAt } from '../errors/decodeFailure.js';
import { describeValue } from '../errors/describeValue.js';
import type { ChangeEvent } from '../event/changeEvent.js';
import type { StreamViewType } from '../event/streamViewType.js';
import type { StreamRecordInput } from '../record/streamRecordInput.js';
import type { ChangeEventCodecs, DecodeContext } from './changeEventCodecs.js';
import { decodeRecordWith } from './decodeRecord.js';
import { imageDecodersOf } from './imageDecoders.js';

/** A decoded batch: one result per record in input order, plus the events and failures split out. */
export interface DecodedBatch<
  T,
  V extends StreamViewType = StreamViewType,
  K = Record<string, unknown>,
> {
  /** `results[i]` is the outcome of `records[i]`. */
  readonly results: ReadonlyArray<E.Either<DecodeFailure, ChangeEvent<T, V, K>>>;
  /** The events decoded, in input order. */
  readonly events: ReadonlyArray<ChangeEvent<T, V, K>>;
  /** Every failure, in input order; none is dropped. */
  readonly failures: ReadonlyArray<DecodeFailure>;
}

/** Decodes every record of a batch (e.g. a Lambda event's `Records`), keeping order and every failure. */
export const decodeBatch = <
  T,
  V extends StreamViewType = StreamViewType,
  K = Record<string, unknown>,
>(
  codecs: ChangeEventCodecs<T, V, K>,
  records: ReadonlyArray<StreamRecordInput>,
  context?: DecodeContext,
): DecodedBatch<T, V, K> => {
  if (!Array.isArray(records)) {
    const message = `expected an array of stream records, got ${describeValue(records)}`;
    const problem = problemAt('MalformedRecord', undefined, '', message);
    return { results: [], events: [], failures: [decodeFailure(problem, records)] };
  }
  const results = new Array<E.Either<DecodeFailure, ChangeEvent<T, V, K>>>(records.length);
  const events: ChangeEvent<T, V, K>[] = [];
  const failures: DecodeFailure[] = [];
  const decoders = imageDecodersOf(codecs);
  for (let i = 0; i < records.length; i++) {
    const result = decodeRecordWith(codecs, decoders, records[i] as StreamRecordInput, context);
    results[i] = result;
    if (E.isRight(result)) events.push(result.right);
    else failures.push(result.left);
  }
  return { results, events, failures };
};

import type * as t from 'io-ts';
import type { InexactNumbers } from '../attributes/numberAttribute.js';
import { compileImageDecoder, type ImageDecoder } from './fast/compileImageDecoder.js';
import { MISS } from './fast/decoderRuntime.js';

export { MISS } from './fast/decoderRuntime.js';

type Decoder = t.Decoder<unknown, unknown>;

const NO_FAST_PATH: ImageDecoder = () => MISS;
const compiled = new WeakMap<Decoder, ImageDecoder>();

/**
 * Decodes a map of AttributeValues straight into a codec's type in one walk, without building
 * the intermediate unmarshalled object and io-ts contexts. It returns exactly what
 * `codec.decode(unmarshallItem(map))` returns on success; whenever it is unsure it returns `MISS`,
 * and the slow path, which also explains failures, decides. Each codec is compiled once.
 */
export const fastDecodeMap = (codec: Decoder, map: unknown, inexact: InexactNumbers): unknown =>
  fastDecoderOf(codec)(map, inexact);

/** `fastDecodeMap` bound to one codec, for callers that decode many maps with it. */
export const fastDecoderOf = (codec: Decoder): ImageDecoder => {
  let decode = compiled.get(codec);
  if (decode === undefined) {
    decode = compileImageDecoder(codec) ?? NO_FAST_PATH;
    compiled.set(codec, decode);
  }
  return decode;
};

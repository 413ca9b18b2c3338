import type { StreamViewType } from '../event/streamViewType.js';
import type { ChangeEventCodecs } from './changeEventCodecs.js';
import { type ImageDecode, imageDecoderOf } from './decodeImage.js';

/** The image decoders of one set of codecs: `keys` for `Keys`, `item` for both images. */
export interface ImageDecoders<T, K> {
  readonly keyCodec: ChangeEventCodecs<T, StreamViewType, K>['keys'];
  readonly itemCodec: ChangeEventCodecs<T, StreamViewType, K>['item'];
  readonly keys: ImageDecode<K>;
  readonly item: ImageDecode<T>;
}

const cache = new WeakMap<object, ImageDecoders<unknown, unknown>>();

/**
 * The image decoders of `codecs`, made once per codecs object (a lookup per record, not one per
 * image); made again if its codecs were swapped since.
 */
export const imageDecodersOf = <T, K>(
  codecs: ChangeEventCodecs<T, StreamViewType, K>,
): ImageDecoders<T, K> => {
  const cached = cache.get(codecs) as ImageDecoders<T, K> | undefined;
  if (cached !== undefined && cached.itemCodec === codecs.item && cached.keyCodec === codecs.keys)
    return cached;
  const made: ImageDecoders<T, K> = {
    keyCodec: codecs.keys,
    itemCodec: codecs.item,
    keys: imageDecoderOf(codecs.keys) as ImageDecode<K>,
    item: imageDecoderOf(codecs.item),
  };
  cache.set(codecs, made as ImageDecoders<unknown, unknown>);
  return made;
};

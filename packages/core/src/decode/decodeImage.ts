import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import type { InexactNumbers } from '../attributes/numberAttribute.js';
import { unmarshallItem } from '../attributes/unmarshall.js';
import type { ImageName, RecordProblem } from '../errors/decodeFailure.js';
import { formatPath } from '../errors/fieldPath.js';
import { problemsFromErrors } from '../errors/ioTsProblems.js';
import { fastDecoderOf, MISS } from './fastImageDecode.js';

/**
 * Why an image did not decode. A class rather than an `Either`: a record decodes up to three
 * images and valid ones, the common case, then come back bare, with no wrapper to allocate.
 */
export class ImageFailure {
  constructor(readonly problem: RecordProblem) {}
}

/** Decodes one image of a record (`Keys`, `NewImage` or `OldImage`): its value, or an `ImageFailure`. */
export type ImageDecode<A> = (
  image: ImageName,
  map: unknown,
  inexact: InexactNumbers,
) => A | ImageFailure;

/**
 * The image decoder of a codec, if any: the decoded value, or an `ImageFailure`. The fast path
 * (compiled once, here) handles valid records; the slow path (unmarshall, then `codec.decode`)
 * runs only when it misses, and is the one that explains what is wrong.
 */
export const imageDecoderOf = <A>(codec: t.Decoder<unknown, A> | undefined): ImageDecode<A> => {
  if (codec === undefined)
    return (image, map, inexact) => slowDecode(undefined, image, map, inexact);
  const fast = fastDecoderOf(codec);
  return (image, map, inexact) => {
    const value = fast(map, inexact);
    return value === MISS ? slowDecode(codec, image, map, inexact) : (value as A);
  };
};

const slowDecode = <A>(
  codec: t.Decoder<unknown, A> | undefined,
  image: ImageName,
  map: unknown,
  inexact: InexactNumbers,
): A | ImageFailure => {
  const item = unmarshallItem(map, { inexactNumbers: inexact });
  if (E.isLeft(item)) {
    const { _tag, path, detail } = item.left;
    return new ImageFailure({
      _tag,
      image,
      problems: [{ path: formatPath([image, ...path]), message: detail }],
    });
  }
  // Without a codec the image is the unmarshalled map; the caller's type says so.
  if (codec === undefined) return item.right as A;
  const decoded = codec.decode(item.right);
  if (E.isLeft(decoded)) {
    return new ImageFailure({
      _tag: 'ImageDecodeFailure',
      image,
      problems: problemsFromErrors(decoded.left, [image]),
    });
  }
  return decoded.right;
};

import { formatPath, type PathSegment } from '../errors/fieldPath.js';

/** Why an AttributeValue could not be unmarshalled: malformed (`InvalidAttributeValue`) or a number JS cannot hold exactly (`InexactNumber`). */
export interface AttributeFailure {
  readonly _tag: 'InvalidAttributeValue' | 'InexactNumber';
  /** Where, from the root of the map: `['lines', 0, 'quantity']`. */
  readonly path: ReadonlyArray<PathSegment>;
  /** What is wrong at that place, without the path. */
  readonly detail: string;
  /** `path: detail`, ready to show. */
  readonly message: string;
}

/**
 * A failure on its way up the recursion. Values never are instances of this class, so
 * `instanceof` tells a failure from a result without wrapping every value in an Either.
 */
export class AttributeProblem {
  readonly reversedPath: PathSegment[] = [];
  constructor(
    readonly tag: AttributeFailure['_tag'],
    readonly detail: string,
  ) {}

  /** Records the step the parent took to reach the failing value; returns `this` for chaining. */
  at(segment: PathSegment): this {
    this.reversedPath.push(segment);
    return this;
  }

  toFailure(): AttributeFailure {
    const path = [...this.reversedPath].reverse();
    const where = formatPath(path);
    return {
      _tag: this.tag,
      path,
      detail: this.detail,
      message: where === '' ? this.detail : `${where}: ${this.detail}`,
    };
  }
}

import type * as t from 'io-ts';
import type { DecodeProblem } from './decodeFailure.js';
import { describeValue } from './describeValue.js';
import { formatPath, type PathSegment } from './fieldPath.js';

// These combinators add a context entry per member tried; the member index is not a field.
const TRANSPARENT = new Set(['UnionType', 'IntersectionType', 'TaggedUnionType']);

const INDEX = /^(?:0|[1-9]\d*)$/;

// The path of an error, and the codec that owns its last step (a union, not the member it tried).
const locate = (context: t.Context): { segments: PathSegment[]; expected: string } => {
  const segments: PathSegment[] = [];
  let owner = context[0];
  for (let i = 1; i < context.length; i++) {
    const parent = context[i - 1];
    const entry = context[i];
    if (parent === undefined || entry === undefined) continue;
    if (TRANSPARENT.has((parent.type as { _tag?: string })._tag ?? '')) continue;
    segments.push(
      Array.isArray(parent.actual) && INDEX.test(entry.key) ? Number(entry.key) : entry.key,
    );
    owner = entry;
  }
  return { segments, expected: owner?.type.name ?? 'a valid value' };
};

/**
 * Turns io-ts errors into problems a person can act on, one per path:
 * `{ path: 'NewImage.quantity', message: 'expected number, got "abc"' }`. A union is named as a
 * whole (`expected (string | undefined), got 3`), not once per member it tried.
 */
export const problemsFromErrors = (
  errors: t.Errors,
  prefix: ReadonlyArray<PathSegment>,
): DecodeProblem[] => {
  const byPath = new Map<string, { expected: string[]; value: unknown; custom: string[] }>();
  for (const error of errors) {
    const { segments, expected } = locate(error.context);
    const path = formatPath([...prefix, ...segments]);
    const entry = byPath.get(path) ?? { expected: [], value: error.value, custom: [] };
    if (error.message !== undefined) entry.custom.push(error.message);
    else if (!entry.expected.includes(expected)) entry.expected.push(expected);
    byPath.set(path, entry);
  }
  return [...byPath].map(([path, { expected, value, custom }]) => ({
    path,
    message: [
      ...custom,
      ...(expected.length === 0
        ? []
        : [
            value === undefined
              ? `missing, expected ${expected.join(' or ')}`
              : `expected ${expected.join(' or ')}, got ${describeValue(value)}`,
          ]),
    ].join('; '),
  }));
};

/**
 * io-ts errors in one line a person can act on (`quantity: expected number, got "abc"; …`): the
 * one formatter for every value Sluice decodes, stream images and its own stored items alike.
 */
export const describeErrors = (errors: t.Errors): string =>
  problemsFromErrors(errors, [])
    .map(({ path, message }) => (path === '' ? message : `${path}: ${message}`))
    .join('; ');

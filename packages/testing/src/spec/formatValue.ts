import { inspect } from 'node:util';
import { isAsymmetricMatcher } from './valueMatches.js';

type Named = { readonly [inspect.custom]: () => string };

const matcherName = (matcher: object): string => {
  const named = matcher as { toAsymmetricMatcher?: () => string };
  return typeof named.toAsymmetricMatcher === 'function'
    ? named.toAsymmetricMatcher()
    : String(matcher);
};

// Matchers print as their name (`Any<String>`), not as their internals.
const withMatcherNames = (value: unknown): unknown => {
  if (isAsymmetricMatcher(value)) {
    const name = matcherName(value);
    return { [inspect.custom]: () => name } satisfies Named;
  }
  if (Array.isArray(value)) return value.map(withMatcherNames);
  if (value instanceof Set) return new Set([...value].map(withMatcherNames));
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return value;
  if (value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withMatcherNames(v)]));
};

/** A value on one line, as a person would write it in a test (`{ listId: 'a', count: 2 }`). */
export const formatValue = (value: unknown): string =>
  inspect(withMatcherNames(value), {
    depth: 8,
    breakLength: Number.POSITIVE_INFINITY,
    compact: true,
    maxArrayLength: 20,
    maxStringLength: 200,
  });

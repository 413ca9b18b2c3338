/** Vitest's and Jest's `expect.any(String)`, `expect.stringMatching(…)` and the like. */
export interface AsymmetricMatcher {
  /** True when `actual` satisfies the matcher (Vitest's and Jest's `expect.any`, `objectContaining`, …). */
  asymmetricMatch(actual: unknown): boolean;
}

/** Whether a value is an asymmetric matcher (duck-typed: no test runner is imported). */
export const isAsymmetricMatcher = (value: unknown): value is AsymmetricMatcher =>
  typeof (value as Partial<AsymmetricMatcher> | null)?.asymmetricMatch === 'function';

const bytesEqual = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((byte, i) => byte === b[i]);

// Set elements have no order; an element may itself need deep comparison (binary, matchers).
const setMatches = (expected: ReadonlySet<unknown>, actual: ReadonlySet<unknown>): boolean => {
  if (expected.size !== actual.size) return false;
  const left = [...actual];
  for (const item of expected) {
    const at = left.findIndex((candidate) => valueMatches(item, candidate));
    if (at < 0) return false;
    left.splice(at, 1);
  }
  return true;
};

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null;

/**
 * Deep equality of row values (objects, arrays, sets, binary, dates), where an asymmetric matcher
 * in `expected` decides for itself. Objects must have the same own keys: the match is exact.
 */
export const valueMatches = (expected: unknown, actual: unknown): boolean => {
  if (isAsymmetricMatcher(expected)) return expected.asymmetricMatch(actual);
  if (expected === actual) return true;
  if (typeof expected === 'number' && typeof actual === 'number')
    return Number.isNaN(expected) && Number.isNaN(actual);
  if (!isRecord(expected) || !isRecord(actual)) return false;
  if (expected instanceof Uint8Array || actual instanceof Uint8Array)
    return (
      expected instanceof Uint8Array && actual instanceof Uint8Array && bytesEqual(expected, actual)
    );
  if (expected instanceof Date || actual instanceof Date)
    return (
      expected instanceof Date && actual instanceof Date && expected.getTime() === actual.getTime()
    );
  if (expected instanceof Set || actual instanceof Set)
    return expected instanceof Set && actual instanceof Set && setMatches(expected, actual);
  if (Array.isArray(expected) || Array.isArray(actual))
    return (
      Array.isArray(expected) &&
      Array.isArray(actual) &&
      expected.length === actual.length &&
      expected.every((item, i) => valueMatches(item, actual[i]))
    );
  const keys = Object.keys(expected);
  return (
    keys.length === Object.keys(actual).length &&
    keys.every((key) => Object.hasOwn(actual, key) && valueMatches(expected[key], actual[key]))
  );
};

import { compileMatcher, type ScalarTest } from './compileMatcher.js';
import type { LeafSpec, ObjectSpec } from './validatePattern.js';

/** A test on the value at one position of the record; `root` is the whole record. */
type Test = (value: unknown, root: unknown) => boolean;

const isScalar = (v: unknown): boolean =>
  v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

// Only own properties: a record field named "constructor" or "__proto__" is data, never the prototype.
const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;

// Arrays in the record are flattened: visits every non-array element, however deep (iteratively:
// record nesting is not bounded by the pattern). An empty array is visited as `undefined`, i.e. missing.
// `ctx` is passed through so that callers need no per-record closure.
const someElement = <C>(
  array: readonly unknown[],
  visit: (v: unknown, ctx: C) => boolean,
  ctx: C,
): boolean => {
  let pending: Array<readonly unknown[]> | undefined;
  for (
    let current: readonly unknown[] | undefined = array;
    current !== undefined;
    current = pending?.pop()
  ) {
    if (current.length === 0 && visit(undefined, ctx)) return true;
    for (const element of current) {
      if (Array.isArray(element)) {
        pending ??= [];
        pending.push(element);
      } else if (visit(element, ctx)) return true;
    }
  }
  return false;
};

const scalarMatches = (v: unknown, test: ScalarTest): boolean => isScalar(v) && test(v);

// A matcher matches when any scalar at this position (any element of an array) matches.
const anyScalar = (value: unknown, test: ScalarTest): boolean =>
  Array.isArray(value) ? someElement(value, scalarMatches, test) : scalarMatches(value, test);

interface PathCursor {
  readonly path: readonly string[];
  readonly depth: number;
}

const leafAt = (v: unknown, at: PathCursor): boolean =>
  at.depth === at.path.length
    ? isScalar(v)
    : hasLeafAt(field(v, at.path[at.depth]!), at.path, at.depth + 1);

// A field "exists" only where it holds a scalar (a leaf); objects and empty arrays are not leaves.
function hasLeafAt(value: unknown, path: readonly string[], depth: number): boolean {
  const at = { path, depth };
  return Array.isArray(value) ? someElement(value, leafAt, at) : leafAt(value, at);
}

const compileLeaf = (leaf: LeafSpec): Test => {
  const tests: ScalarTest[] = [];
  let existsTrue = false;
  let existsFalse = false;
  for (const m of leaf.matchers) {
    if (m.op === 'exists') {
      if (m.value) existsTrue = true;
      else existsFalse = true;
    } else tests.push(compileMatcher(m));
  }
  const positive: ScalarTest | undefined = existsTrue
    ? () => true
    : tests.length === 0
      ? undefined
      : tests.length === 1
        ? tests[0]
        : (v) => tests.some((t) => t(v));
  const path = leaf.recordPath;
  // Absence is judged on the whole record, as Lambda's matcher does, not within one array element.
  const absent = existsFalse ? (root: unknown) => !hasLeafAt(root, path, 0) : undefined;
  if (positive === undefined) return (_value, root) => absent!(root);
  if (absent === undefined) return (value) => anyScalar(value, positive);
  return (value, root) => anyScalar(value, positive) || absent(root);
};

const compileObject = (spec: ObjectSpec): Test => {
  const tests: Test[] = spec.fields.map(({ key, spec: child }) => {
    const test = child.kind === 'leaf' ? compileLeaf(child) : compileObject(child);
    return (value, root) => test(field(value, key), root);
  });
  for (const branches of spec.alternatives) {
    const compiled = branches.map(compileObject);
    tests.push((value, root) => compiled.some((branch) => branch(value, root)));
  }
  const all: Test = (value, root) => {
    for (const test of tests) if (!test(value, root)) return false;
    return true;
  };
  // Fields below an array must all match within the same element, as Lambda's array-consistent matching does.
  return (value, root) => (Array.isArray(value) ? someElement(value, all, root) : all(value, root));
};

/** Compiles a validated pattern once into a predicate on a whole record; it never throws. */
export const compilePattern = (spec: ObjectSpec): ((record: unknown) => boolean) => {
  const test = compileObject(spec);
  return (record) => test(record, record);
};

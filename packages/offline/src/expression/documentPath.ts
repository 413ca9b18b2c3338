/** A path into an item: attribute and map-key names, and list indexes (`a.b[2].c` is `['a', 'b', 2, 'c']`). */
export type DocumentPath = readonly (string | number)[];

/** A path as DynamoDB prints it in messages: `[a, b, [2], c]`. */
export const formatPath = (path: DocumentPath): string =>
  `[${path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join(', ')}]`;

/** Whether two paths are the same. */
export const samePath = (a: DocumentPath, b: DocumentPath): boolean =>
  a.length === b.length && a.every((p, i) => p === b[i]);

/**
 * Splits `items` into consecutive chunks of at most `maxCount` items and `maxBytes` total size,
 * the two limits DynamoDB puts on one batch or transaction request.
 */
export const chunks = <A>(
  items: ReadonlyArray<A>,
  maxCount: number,
  maxBytes: number,
  sizeOf: (item: A) => number,
): ReadonlyArray<ReadonlyArray<A>> => {
  const out: A[][] = [];
  let current: A[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = sizeOf(item);
    if (current.length > 0 && (current.length === maxCount || bytes + size > maxBytes)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
};

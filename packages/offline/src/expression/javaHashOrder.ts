/** Java's `String.hashCode`. */
const hashCode = (text: string): number => {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return h;
};

/**
 * The order a `java.util.HashSet` of these strings iterates in (buckets by spread hash, then
 * insertion order). DynamoDB lists unused placeholders in this order, so we match its messages.
 */
export const javaHashOrder = (keys: readonly string[]): string[] => {
  let capacity = 16;
  while (keys.length > capacity * 0.75) capacity *= 2;
  const bucket = (key: string): number => {
    const h = hashCode(key);
    return (h ^ (h >>> 16)) & (capacity - 1);
  };
  return keys
    .map((key, index) => ({ key, index, bucket: bucket(key) }))
    .sort((a, b) => a.bucket - b.bucket || a.index - b.index)
    .map((entry) => entry.key);
};

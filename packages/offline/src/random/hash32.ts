/** FNV-1a with murmur3's final mix, 32 bits: stable across runs; spreads keys over shards and lanes. */
export const hash32 = (text: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // FNV-1a alone barely spreads keys that differ only in their last characters
  // (`order#1`, `order#2`); murmur3's final mix makes neighbouring keys land on different shards.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
};

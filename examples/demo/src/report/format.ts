/** `12345` → `12,345`. */
export const count = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Cents as dollars: `104360` → `$1,043.60`. */
export const money = (cents: number): string =>
  `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** Rows as aligned columns under a header; numbers (and money) right-aligned. */
export const columns = (
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string => {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const right = header.map(
    (_, i) => rows.length > 0 && rows.every((r) => /^[$\d,.\s-]+$/.test(r[i] ?? '')),
  );
  const line = (cells: readonly string[]) =>
    `  ${cells
      .map((cell, i) => (right[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd()}`;
  return [line(header), ...rows.map(line)].join('\n');
};

/** Cuts text to `width` characters with an ellipsis. */
export const clip = (text: string, width: number): string =>
  text.length <= width ? text : `${text.slice(0, width - 1)}…`;

/** `3 retries`, `1 retry`: a count and its noun, in the right number. */
export const counted = (n: number, one: string, many = `${one}s`): string =>
  `${count(n)} ${n === 1 ? one : many}`;

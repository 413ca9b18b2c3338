const indentOf = (line: string): number => line.length - line.trimStart().length;

const dedent = (lines: readonly string[]): string[] => {
  const indents = lines.filter((line) => line.trim() !== '').map(indentOf);
  const common = indents.length === 0 ? 0 : Math.min(...indents);
  return lines.map((line) => line.slice(common).trimEnd());
};

/**
 * Whether `excerpt` appears in `source` as consecutive lines, up to one common indentation (a
 * method body may be shown without its class around it) and trailing spaces.
 */
export const isExcerptOf = (excerpt: string, source: string): boolean => {
  const wanted = dedent(excerpt.split('\n'));
  const lines = source.split('\n').map((line) => line.trimEnd());
  for (let start = 0; start + wanted.length <= lines.length; start++) {
    const window = lines.slice(start, start + wanted.length);
    const first = window.find((line) => line.trim() !== '');
    const indent = first === undefined ? 0 : indentOf(first);
    if (
      window.every((line, i) =>
        wanted[i] === '' ? line === '' : line === ' '.repeat(indent) + wanted[i],
      )
    )
      return true;
  }
  return false;
};

/** The value at a JSON pointer (`/Resources/Table`), or `undefined`. */
export const atPointer = (value: unknown, pointer: string): unknown =>
  pointer
    .split('/')
    .slice(1)
    .map((step) => step.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>(
      (inner, step) =>
        inner !== null && typeof inner === 'object'
          ? (inner as Record<string, unknown>)[step]
          : undefined,
      value,
    );

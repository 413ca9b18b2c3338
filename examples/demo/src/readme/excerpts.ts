/** Code as tokens: no whitespace, no trailing commas, so a formatter's reflowing changes nothing. */
const tokens = (code: string): string => code.replace(/\s+/g, '').replace(/,(?=[\]})]|$)/g, '');

/**
 * Whether `excerpt` appears in `source`, up to layout: Biome formats the code blocks of Markdown
 * files too, so an excerpt may be indented or wrapped differently from its file, never changed.
 */
export const isExcerptOf = (excerpt: string, source: string): boolean =>
  tokens(excerpt).length > 0 && tokens(source).includes(tokens(excerpt));

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

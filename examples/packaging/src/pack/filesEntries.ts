/** A `files` entry as a test on packed paths: the path itself, or anything under a folder. */
const matcherOf = (pattern: string): RegExp => {
  const body = pattern
    .replace(/^\.?\//, '')
    .replace(/\/$/, '')
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*\//g, '\u0000')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]')
    .replaceAll('\u0000', '(?:.*/)?');
  return new RegExp(`^${body}(?:/.*)?$`);
};

/**
 * What a tarball fails to honour of its manifest's `files` list: an entry that matches no packed
 * path (promised, not shipped), or a packed path that a `!` entry excludes. Empty when it is honest.
 */
export const filesEntryProblems = (files: readonly string[], packed: readonly string[]): string[] =>
  files.flatMap((entry) => {
    if (entry.startsWith('!')) {
      const excluded = matcherOf(entry.slice(1));
      return packed
        .filter((path) => excluded.test(path))
        .map((path) => `"${entry}" excludes ${path}, yet it is packed`);
    }
    const matcher = matcherOf(entry);
    return packed.some((path) => matcher.test(path)) ? [] : [`"${entry}" matches nothing packed`];
  });

/** A fenced code block of a Markdown file, and the `<!-- from: … -->` marker right above it. */
export interface CodeBlock {
  readonly file: string;
  /** 1-based line of the opening fence, for messages. */
  readonly line: number;
  readonly lang: string;
  readonly text: string;
  /** `path` or `path#/json/pointer` when the block is an excerpt of a file. */
  readonly from: string | undefined;
}

const FENCE = /^(\s*)```(\S*)\s*$/;
const FROM = /^<!--\s*from:\s*(\S+)\s*-->$/;

/** The fenced code blocks of a Markdown text, in order. */
export const markdownBlocks = (file: string, markdown: string): CodeBlock[] => {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (open === null) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^\s*```\s*$/.test(lines[i]!); i++) body.push(lines[i]!);
    const above = lines
      .slice(0, start)
      .reverse()
      .find((line) => line.trim() !== '');
    blocks.push({
      file,
      line: start + 1,
      lang: open[2] ?? '',
      text: body.join('\n'),
      from: above === undefined ? undefined : FROM.exec(above.trim())?.[1],
    });
  }
  return blocks;
};

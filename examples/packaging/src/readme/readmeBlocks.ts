/** A fenced code block of a README, dedented, with the `##` section it sits in. */
export interface ReadmeBlock {
  readonly file: string;
  /** 1-based line of the opening fence, for messages. */
  readonly line: number;
  readonly lang: string;
  readonly text: string;
  /** The title of the nearest `## ` heading above the block ('' before the first). */
  readonly section: string;
  /** True when a `<!-- from: path -->` marker says the block quotes a file of the repository. */
  readonly excerpt: boolean;
}

const OPEN = /^(\s*)```(\S*)\s*$/;
const CLOSE = /^\s*```\s*$/;

/** The fenced code blocks of a README, in order (blocks nested in list items included). */
export const readmeBlocks = (file: string, markdown: string): ReadmeBlock[] => {
  const lines = markdown.split('\n');
  const blocks: ReadmeBlock[] = [];
  let section = '';
  let previous = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const open = OPEN.exec(line);
    if (open === null) {
      if (line.startsWith('## ')) section = line.slice(3).trim();
      if (line.trim() !== '') previous = line.trim();
      continue;
    }
    const indent = open[1]?.length ?? 0;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !CLOSE.test(lines[i] ?? ''); i++) {
      body.push((lines[i] ?? '').slice(indent));
    }
    const excerpt = /^<!--\s*from:/.test(previous);
    blocks.push({
      file,
      line: start + 1,
      lang: open[2] ?? '',
      text: body.join('\n'),
      section,
      excerpt,
    });
    previous = '';
  }
  return blocks;
};

/** Where a run reports how far it is. */
export interface Progress {
  /** The run moved on; `fraction` is from 0 to 1. */
  update(fraction: number, detail: string): void;
  /** The run is over: end the progress display. */
  finish(): void;
}

/** A terminal or a file/pipe; only what progress needs of `process.stdout`. */
export interface Output {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

const bar = (fraction: number, width = 20): string => {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
};

/**
 * On a terminal, one line rewritten in place; elsewhere (CI logs, pipes) a plain line at most
 * every `everyMs` and at the end, so logs stay short.
 */
export const progressOn = (
  out: Output,
  label: string,
  everyMs = 2000,
  now: () => number = Date.now,
): Progress => {
  let lastAt = Number.NEGATIVE_INFINITY;
  let last = '';
  return {
    update(fraction, detail) {
      const line = `${label} ${bar(fraction)} ${Math.floor(fraction * 100)}% ${detail}`;
      last = line;
      if (out.isTTY) {
        out.write(`\r\x1b[2K${line}`);
        return;
      }
      if (now() - lastAt < everyMs) return;
      lastAt = now();
      out.write(`${line}\n`);
    },
    finish() {
      if (out.isTTY) out.write('\n');
      else if (last !== '' && lastAt !== now()) out.write(`${last}\n`);
    },
  };
};

/** Progress nobody sees (tests). */
export const silentProgress: Progress = { update: () => {}, finish: () => {} };

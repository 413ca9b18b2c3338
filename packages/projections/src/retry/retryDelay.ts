/** Exponential backoff with "equal jitter": attempt 1 waits about `base`, doubling up to `max`. */
export const retryDelay = (
  attempt: number,
  delays: { readonly base: number; readonly max: number },
  random: () => number,
): number => {
  const ceiling = Math.min(delays.max, delays.base * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
};

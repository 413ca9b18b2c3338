const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * The order in which `n` contestants run in round `round`: contestant `(round + k·step) mod n` at
 * position `k`, with a step coprime to `n` that changes from round to round. Every round runs each
 * contestant once, and over the rounds each one follows many different predecessors: a contestant
 * pays for the collections its predecessor's garbage triggers, so none always pays for one heavy
 * neighbour (a plain rotation would keep every neighbour).
 */
export const roundOrder = (round: number, n: number): number[] => {
  const steps: number[] = [];
  for (let s = 1; s < Math.max(n, 2); s++) if (gcd(s, n) === 1) steps.push(s);
  const step = steps[round % steps.length]!;
  return Array.from({ length: n }, (_, k) => (round + k * step) % n);
};

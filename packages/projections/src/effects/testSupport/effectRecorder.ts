import type { PlannedEffect } from '../effect.js';
import type { IdempotencyStore } from '../idempotencyStore.js';

/**
 * An in-process "mailer" that records every effect it performs, and an idempotency store wrapper
 * that counts completions and notes, at each performance, whether the effect was already DONE.
 */
export const effectRecorder = (store: IdempotencyStore, options: { failEvery?: number } = {}) => {
  const performed: string[] = [];
  const completions = new Map<string, number>();
  const repeatedAfterDone: string[] = [];
  const done = new Set<string>();
  let calls = 0;
  const recording: IdempotencyStore = {
    read: (keys, now) => store.read(keys, now),
    claim: (claim, now) => store.claim(claim, now),
    release: (key, token) => store.release(key, token),
    complete: async (key, token, expiresAt) => {
      const result = await store.complete(key, token, expiresAt);
      if (result._tag === 'Right' && result.right) {
        completions.set(key, (completions.get(key) ?? 0) + 1);
        done.add(key);
      }
      return result;
    },
  };
  const perform = async (effect: PlannedEffect) => {
    calls++;
    // A mailer outage: the call fails before sending anything.
    if (options.failEvery !== undefined && calls % options.failEvery === 0)
      throw new Error('mailer unavailable');
    if (done.has(effect.idempotencyKey)) repeatedAfterDone.push(effect.idempotencyKey);
    performed.push(effect.idempotencyKey);
  };
  return { store: recording, perform, performed, completions, repeatedAfterDone };
};

import { randomUUID } from 'node:crypto';
import type { PlannedEffect } from './effect.js';
import type { IdempotencyRecord, IdempotencyStore } from './idempotencyStore.js';

/** Performs one effect; `idempotencyKey` is for targets that accept one (an API's header, an SQS FIFO deduplication id). */
export type PerformEffect<P = unknown> = (effect: PlannedEffect<P>) => Promise<void>;

/** How the runner performs and records effects. */
export interface EffectSettings<P = unknown> {
  readonly idempotency: IdempotencyStore;
  readonly perform: PerformEffect<P>;
  /** Epoch milliseconds (default `Date.now`); tests pass a clock of their own. */
  readonly now?: () => number;
  /**
   * How long a claim stays IN_PROGRESS before a retry may take it over as crashed (default 5
   * minutes; longer than any single effect takes, at most the Lambda timeout is a good choice).
   */
  readonly inProgressTimeoutMs?: number;
  /** How long DONE is remembered (default 25 hours: longer than the stream keeps a record). */
  readonly expiresAfterSeconds?: number;
}

/** Why a batch stopped at one of its effects; the record that asked for it is retried. */
export type EffectFailure =
  | { readonly _tag: 'EffectFailed'; readonly message: string; readonly cause: unknown }
  | { readonly _tag: 'InProgressElsewhere'; readonly message: string }
  | { readonly _tag: 'IdempotencyStoreFailed'; readonly message: string };

/** What one batch's effects came to. */
export interface EffectsOutcome {
  /** Effects performed now (a crash may have performed one before: at least once). */
  readonly performed: number;
  /** Effects recorded DONE before: not performed again. */
  readonly skipped: number;
  /** The first effect that did not complete, by the index of its change in the batch. */
  readonly failure?: {
    readonly index: number;
    readonly effect: PlannedEffect;
    readonly reason: EffectFailure;
  };
}

const DEFAULT_IN_PROGRESS_MS = 5 * 60 * 1000;
const DEFAULT_EXPIRY_SECONDS = 25 * 60 * 60;

/**
 * Performs a batch's planned effects in order, each at most once in effect: one batched read of
 * their records, then for each effect not DONE: claim (IN_PROGRESS), perform with its key, mark
 * DONE. Stops at the first effect that fails or that another runner holds, so no later change
 * of the batch runs ahead of it; the caller retries from that change.
 */
export const performEffects = async <P>(
  settings: EffectSettings<P>,
  planned: ReadonlyArray<{ readonly index: number; readonly effect: PlannedEffect<P> }>,
): Promise<EffectsOutcome> => {
  const now = settings.now ?? Date.now;
  const timeout = settings.inProgressTimeoutMs ?? DEFAULT_IN_PROGRESS_MS;
  const lifetime = settings.expiresAfterSeconds ?? DEFAULT_EXPIRY_SECONDS;
  const { idempotency } = settings;
  let performed = 0;
  let skipped = 0;
  const stop = (
    index: number,
    effect: PlannedEffect<P>,
    reason: EffectFailure,
  ): EffectsOutcome => ({
    performed,
    skipped,
    failure: { index, effect, reason },
  });
  const known = await idempotency.read(
    planned.map((p) => p.effect.idempotencyKey),
    now(),
  );
  if (known._tag === 'Left') {
    const first = planned[0];
    return first === undefined
      ? { performed, skipped }
      : stop(first.index, first.effect, known.left);
  }
  for (const { index, effect } of planned) {
    const key = effect.idempotencyKey;
    const held = known.right.get(key);
    if (held?.status === 'DONE') {
      skipped++;
      continue;
    }
    const at = now();
    const claim: IdempotencyRecord = {
      idempotencyKey: key,
      status: 'IN_PROGRESS',
      token: randomUUID(),
      inProgressUntil: at + timeout,
      expiresAt: Math.floor(at / 1000) + lifetime,
    };
    const claimed = await idempotency.claim(claim, at);
    if (claimed._tag === 'Left') return stop(index, effect, claimed.left);
    if (claimed.right._tag === 'Taken') {
      if (claimed.right.record.status === 'DONE') {
        skipped++;
        continue;
      }
      return stop(index, effect, {
        _tag: 'InProgressElsewhere',
        message: `effect ${key} is being performed by another invocation (until ${claimed.right.record.inProgressUntil})`,
      });
    }
    try {
      await settings.perform(effect);
    } catch (cause) {
      await idempotency.release(key, claim.token);
      return stop(index, effect, {
        _tag: 'EffectFailed',
        message: `effect ${key} failed: ${String(cause)}`,
        cause,
      });
    }
    performed++;
    const done = await idempotency.complete(key, claim.token, Math.floor(now() / 1000) + lifetime);
    // Not recorded: the effect happened, but a retry will perform it again (at least once).
    if (done._tag === 'Left') return stop(index, effect, done.left);
  }
  return { performed, skipped };
};

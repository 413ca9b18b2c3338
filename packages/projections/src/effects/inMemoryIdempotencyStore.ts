import * as E from 'fp-ts/lib/Either.js';
import { type IdempotencyRecord, type IdempotencyStore, isLive } from './idempotencyStore.js';

/** The idempotency table in memory, for tests and local runs; counts its transitions to DONE. */
export class InMemoryIdempotencyStore implements IdempotencyStore {
  private readonly records = new Map<string, IdempotencyRecord>();
  /** How many times each key was marked DONE (exactly once per performed effect, if all is well). */
  readonly completions = new Map<string, number>();

  /** Every record, as stored. */
  all(): IdempotencyRecord[] {
    return [...this.records.values()];
  }

  async read(keys: readonly string[], now: number) {
    const found = new Map<string, IdempotencyRecord>();
    for (const key of keys) {
      const record = this.records.get(key);
      if (record !== undefined && isLive(record, now)) found.set(key, record);
    }
    return E.right(found);
  }

  async claim(claim: IdempotencyRecord, now: number) {
    const held = this.records.get(claim.idempotencyKey);
    if (
      held !== undefined &&
      isLive(held, now) &&
      !(held.status === 'IN_PROGRESS' && held.inProgressUntil < now)
    )
      return E.right({ _tag: 'Taken' as const, record: held });
    this.records.set(claim.idempotencyKey, claim);
    return E.right({ _tag: 'Claimed' as const });
  }

  async complete(key: string, token: string, expiresAt: number) {
    const held = this.records.get(key);
    if (held === undefined || held.status !== 'IN_PROGRESS' || held.token !== token)
      return E.right(false);
    this.records.set(key, { ...held, status: 'DONE', expiresAt });
    this.completions.set(key, (this.completions.get(key) ?? 0) + 1);
    return E.right(true);
  }

  async release(key: string, token: string) {
    const held = this.records.get(key);
    if (held !== undefined && held.status === 'IN_PROGRESS' && held.token === token)
      this.records.delete(key);
    return E.right(undefined);
  }
}

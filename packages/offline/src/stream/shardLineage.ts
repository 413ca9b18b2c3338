import type { ShardNumberSource } from './sequenceNumbers.js';
import { Shard } from './shard.js';
import { RECORD_RETENTION_MS } from './streamLimits.js';

const HASH_SPACE = 2 ** 32;

/**
 * The shards of one stream and how they descend from each other. The key-hash space is divided
 * among the open shards (one per partition); rolling over replaces a shard by a child over the
 * same range, splitting by two children over its halves, so every later change of a key goes to
 * the one shard that now owns it.
 */
export class ShardLineage {
  /** Listed shards, oldest first. */
  private listed: Shard[] = [];
  /** Open shards ordered by hash range: exactly one owns each hash. */
  private open: Shard[] = [];
  /** Ids of closed shards dropped after retention. */
  private readonly forgotten = new Set<string>();
  private created = 0;

  /**
   * `partitionCount` first shards at `nowMs`; `numbers` gives each new shard its sequence numbers
   * (a child's start above its parent's last); `salt` makes shard ids unique.
   */
  constructor(
    partitionCount: number,
    nowMs: number,
    private readonly numbers: ShardNumberSource,
    private readonly salt: number,
  ) {
    for (let i = 0; i < partitionCount; i++) {
      const low = Math.floor((i * HASH_SPACE) / partitionCount);
      const high = Math.floor(((i + 1) * HASH_SPACE) / partitionCount);
      this.open.push(this.create(undefined, low, high, nowMs));
    }
  }

  /** Listed shards, oldest first. */
  get shards(): readonly Shard[] {
    return this.listed;
  }

  /** Open shards, by hash range. */
  get openShards(): readonly Shard[] {
    return this.open;
  }

  /** The listed shard with this id. */
  find(shardId: string | undefined): Shard | undefined {
    return this.listed.find((s) => s.spec.shardId === shardId);
  }

  /** Whether this id names a shard dropped after retention. */
  wasForgotten(shardId: string): boolean {
    return this.forgotten.has(shardId);
  }

  /** The open shard that owns a partition-key hash. */
  ownerOf(hash: number): Shard {
    const { open } = this;
    let lo = 0;
    let hi = open.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((open[mid] as Shard).spec.hashLow <= hash) lo = mid;
      else hi = mid - 1;
    }
    return open[lo] as Shard;
  }

  /** The open shard with this id; asking for another is a programmer error. */
  openShard(shardId: string): Shard {
    const shard = this.open.find((s) => s.spec.shardId === shardId);
    if (shard === undefined) throw new RangeError(`no open shard ${shardId}`);
    return shard;
  }

  /** Closes `shard` and opens its successor over the same keys. */
  rollover(shard: Shard, nowMs: number): Shard {
    return this.replace(shard, nowMs, [[shard.spec.hashLow, shard.spec.hashHigh]])[0] as Shard;
  }

  /** Closes `shard` and opens two children, each over half of its keys. */
  split(shard: Shard, nowMs: number): [Shard, Shard] {
    const { hashLow, hashHigh, shardId } = shard.spec;
    if (hashHigh - hashLow < 2)
      throw new RangeError(`shard ${shardId} covers a single hash and cannot split`);
    const middle = hashLow + Math.floor((hashHigh - hashLow) / 2);
    return this.replace(shard, nowMs, [
      [hashLow, middle],
      [middle, hashHigh],
    ]) as [Shard, Shard];
  }

  /** Rolls over shards older than `rolloverIntervalMs`, trims records and forgets dead shards. */
  maintain(nowMs: number, rolloverIntervalMs: number | undefined): void {
    if (rolloverIntervalMs !== undefined) {
      for (const shard of [...this.open]) {
        if (nowMs - shard.spec.createdAtMs >= rolloverIntervalMs) this.rollover(shard, nowMs);
      }
    }
    const cutoff = nowMs - RECORD_RETENTION_MS;
    for (const shard of this.listed) shard.trim(cutoff);
    // A closed shard goes once retention has passed since it closed (so its records are gone too).
    const kept = this.listed.filter(
      (s) => s.isOpen || s.trimHorizon < s.end || (s.closedAtMs as number) > cutoff,
    );
    if (kept.length === this.listed.length) return;
    for (const shard of this.listed)
      if (!kept.includes(shard)) this.forgotten.add(shard.spec.shardId);
    this.listed = kept;
  }

  private replace(
    shard: Shard,
    nowMs: number,
    ranges: readonly (readonly [number, number])[],
  ): Shard[] {
    shard.close(nowMs);
    const children = ranges.map(([low, high]) => this.create(shard, low, high, nowMs));
    this.open.splice(this.open.indexOf(shard), 1, ...children);
    return children;
  }

  private create(
    parent: Shard | undefined,
    hashLow: number,
    hashHigh: number,
    nowMs: number,
  ): Shard {
    // Multiplying by an odd constant is a bijection mod 2^32: distinct counters, distinct suffixes.
    const suffix = ((Math.imul(++this.created, 0x9e3779b1) ^ this.salt) >>> 0)
      .toString(16)
      .padStart(8, '0');
    const numbers = this.numbers(
      this.created,
      parent && (parent.lastSequenceNumber ?? parent.spec.startingSequenceNumber),
    );
    const shard = new Shard(
      {
        shardId: `shardId-${String(nowMs).padStart(20, '0')}-${suffix}`,
        parentShardId: parent?.spec.shardId,
        hashLow,
        hashHigh,
        createdAtMs: nowMs,
        startingSequenceNumber: numbers.first,
      },
      numbers,
    );
    this.listed.push(shard);
    return shard;
  }
}

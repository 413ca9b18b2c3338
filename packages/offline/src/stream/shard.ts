import type { ShardNumbers } from './sequenceNumbers.js';
import type { InMemoryStreamRecord } from './streamRecord.js';

/** Where a shard sits in the key-hash space and in time. */
export interface ShardSpec {
  readonly shardId: string;
  readonly parentShardId: string | undefined;
  /** Lowest partition-key hash this shard takes (inclusive). */
  readonly hashLow: number;
  /** Highest partition-key hash bound (exclusive, up to 2^32). */
  readonly hashHigh: number;
  readonly createdAtMs: number;
  readonly startingSequenceNumber: string;
}

// Records are addressed by absolute position (0 = first record ever written to the shard), so a
// position stays valid while older records are trimmed away.
const COMPACT_AT = 1024;

/** One shard: an append-only run of records, open until it rolls over or splits. */
export class Shard {
  endingSequenceNumber: string | undefined;
  closedAtMs: number | undefined;
  /** Sequence number of the newest record ever appended (kept after it is trimmed). */
  lastSequenceNumber: string | undefined;
  private records: InMemoryStreamRecord[] = [];
  /** Absolute position of `records[0]`. */
  private base = 0;
  /** Absolute position of the oldest record not yet trimmed. */
  private firstKept = 0;

  /** `numbers` hands out this shard's sequence numbers, starting at `spec.startingSequenceNumber`. */
  constructor(
    readonly spec: ShardSpec,
    private readonly numbers: ShardNumbers,
  ) {}

  /** The sequence number the next appended record takes. */
  nextSequenceNumber(): string {
    return this.numbers.next();
  }

  /** Whether new records may still be appended. */
  get isOpen(): boolean {
    return this.endingSequenceNumber === undefined;
  }

  /** Absolute position just after the newest record. */
  get end(): number {
    return this.base + this.records.length;
  }

  /** Absolute position of the oldest readable record. */
  get trimHorizon(): number {
    return this.firstKept;
  }

  /** Whether `hash` falls in this shard's range. */
  owns(hash: number): boolean {
    return hash >= this.spec.hashLow && hash < this.spec.hashHigh;
  }

  /** Adds a record at the end. */
  append(record: InMemoryStreamRecord): void {
    this.records.push(record);
    this.lastSequenceNumber = record.dynamodb.SequenceNumber;
  }

  /** Closes the shard; its ending sequence number is its last record's (or its start if empty). */
  close(nowMs: number): void {
    this.endingSequenceNumber = this.lastSequenceNumber ?? this.spec.startingSequenceNumber;
    this.closedAtMs = nowMs;
  }

  /** Drops records stamped before `cutoffMs`, releasing their memory in amortized O(1). */
  trim(cutoffMs: number): void {
    const { records } = this;
    let index = this.firstKept - this.base;
    while (
      index < records.length &&
      (records[index] as InMemoryStreamRecord).dynamodb.ApproximateCreationDateTime.getTime() <
        cutoffMs
    ) {
      index++;
    }
    this.firstKept = this.base + index;
    if (index >= COMPACT_AT && index * 2 >= records.length) {
      this.records = records.slice(index);
      this.base = this.firstKept;
    } else if (index === records.length && index > 0) {
      this.records = [];
      this.base = this.firstKept;
    }
  }

  /** Up to `limit` records from absolute `position`, stopping once `maxBytes` of SizeBytes are reached. */
  read(position: number, limit: number, maxBytes: number): InMemoryStreamRecord[] {
    const start = position - this.base;
    const stop = Math.min(this.records.length, start + limit);
    if (maxBytes === Number.POSITIVE_INFINITY) return this.records.slice(start, stop);
    const out: InMemoryStreamRecord[] = [];
    let bytes = 0;
    for (let i = start; i < stop; i++) {
      const record = this.records[i] as InMemoryStreamRecord;
      if (out.length > 0 && bytes + record.dynamodb.SizeBytes > maxBytes) break;
      bytes += record.dynamodb.SizeBytes;
      out.push(record);
    }
    return out;
  }

  /** Records still held in memory (retained ones plus trimmed ones awaiting compaction). */
  get heldRecordCount(): number {
    return this.records.length;
  }

  /** Retained records, oldest first. */
  retained(): readonly InMemoryStreamRecord[] {
    return this.records.slice(this.firstKept - this.base);
  }

  /**
   * Absolute position of the first retained record whose sequence number is >= `sequenceNumber`
   * (or > when `after`). Sequence numbers in one stream share a width, so string order is numeric.
   */
  positionOf(sequenceNumber: string, after: boolean): number {
    const { records } = this;
    let lo = this.firstKept - this.base;
    let hi = records.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const s = (records[mid] as InMemoryStreamRecord).dynamodb.SequenceNumber;
      if (s < sequenceNumber || (after && s === sequenceNumber)) lo = mid + 1;
      else hi = mid;
    }
    return this.base + lo;
  }

  /** Sequence number of the oldest retained record, if any is left. */
  get oldestRetainedSequenceNumber(): string | undefined {
    return this.records[this.firstKept - this.base]?.dynamodb.SequenceNumber;
  }
}

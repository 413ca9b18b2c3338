import type { StreamEventName } from '@sluice/testing';
import {
  type InMemoryStreamRecord,
  InMemoryTable,
  ManualClock,
  type SeededRandom,
  seededRandom,
} from '@sluice/testing';
import type { BenchOrderLine } from './benchOrderLine.js';
import { orderLineAttributes } from './orderLineAttributes.js';
import { changedOrderLine, newOrderLine } from './orderLineChange.js';

/** How the generated order-line traffic looks. */
export interface OrderLineWorkloadOptions {
  /** Default 7. */
  readonly seed?: number;
  /** Order ids cycle through this many orders, so keys (and the derived tables) stay bounded. Default 50 000. */
  readonly orderSpace?: number;
  /** The number of live lines the traffic hovers around. Default 5 000. */
  readonly liveLines?: number;
  /** Clock time between two changes. Default 20 ms. */
  readonly msPerChange?: number;
  /** Partitions of the table's stream (shards). Default 1. */
  readonly partitionCount?: number;
}

type Counts = Record<StreamEventName, number>;

/**
 * Deterministic order-line traffic on an in-memory table with a NEW_AND_OLD_IMAGES stream: lines are
 * added to orders in turn, changed (quantity, status, tags, discounts) and removed, so each `step()`
 * emits exactly one stream record. The clock advances by `msPerChange` per change.
 */
export class OrderLineWorkload {
  readonly clock = new ManualClock();
  readonly table: InMemoryTable;
  /** Records emitted so far, per event name. */
  readonly counts: Counts = { INSERT: 0, MODIFY: 0, REMOVE: 0 };
  private readonly random: SeededRandom;
  private readonly orderSpace: number;
  private readonly liveLines: number;
  private readonly msPerChange: number;
  private readonly live: BenchOrderLine[] = [];
  private readonly positions = new Map<string, number>();
  private orderIndex = 0;
  private lineIndex = 0;
  private linesInOrder = 1;

  constructor(options: OrderLineWorkloadOptions = {}) {
    this.random = seededRandom(options.seed ?? 7);
    this.orderSpace = options.orderSpace ?? 50_000;
    this.liveLines = options.liveLines ?? 5_000;
    this.msPerChange = options.msPerChange ?? 20;
    this.table = new InMemoryTable({
      tableName: 'orders',
      partitionKey: { name: 'orderId', type: 'S' },
      sortKey: { name: 'lineId', type: 'S' },
      streamViewType: 'NEW_AND_OLD_IMAGES',
      stream: { partitionCount: options.partitionCount ?? 1 },
      clock: this.clock,
    });
  }

  /** Performs one change and returns its stream record. */
  step(): InMemoryStreamRecord {
    this.clock.advance(this.msPerChange);
    const roll = this.random.next();
    const size = this.live.length;
    const [insert, modify] =
      size < this.liveLines / 2 ? [0.7, 0.95] : size > this.liveLines ? [0.25, 0.7] : [0.32, 0.77];
    const record =
      size === 0 || roll < insert ? this.insert() : roll < modify ? this.modify() : this.remove();
    this.counts[record.eventName]++;
    return record;
  }

  /** Performs `changes` changes and returns their records. */
  run(changes: number): InMemoryStreamRecord[] {
    const records = new Array<InMemoryStreamRecord>(changes);
    for (let i = 0; i < changes; i++) records[i] = this.step();
    return records;
  }

  private insert(): InMemoryStreamRecord {
    for (;;) {
      if (this.lineIndex >= this.linesInOrder) {
        this.orderIndex = (this.orderIndex + 1) % this.orderSpace;
        this.lineIndex = 0;
        this.linesInOrder = this.random.int(1, 5);
      }
      const line = newOrderLine(this.random, this.orderIndex, ++this.lineIndex, this.now());
      const id = idOf(line);
      // The order id space wraps around: a line still live from the last lap is skipped.
      if (this.positions.has(id)) continue;
      this.positions.set(id, this.live.length);
      this.live.push(line);
      return this.write(line);
    }
  }

  private modify(): InMemoryStreamRecord {
    const at = this.random.int(0, this.live.length - 1);
    const line = changedOrderLine(this.random, this.live[at]!, this.now());
    this.live[at] = line;
    return this.write(line);
  }

  private remove(): InMemoryStreamRecord {
    const at = this.random.int(0, this.live.length - 1);
    const line = this.live[at]!;
    const last = this.live.pop()!;
    if (last !== line) {
      this.live[at] = last;
      this.positions.set(idOf(last), at);
    }
    this.positions.delete(idOf(line));
    const key = { orderId: { S: line.orderId }, lineId: { S: line.lineId } };
    return this.recorded(this.table.deleteItem(key).record);
  }

  private write(line: BenchOrderLine): InMemoryStreamRecord {
    return this.recorded(this.table.putItem(orderLineAttributes(line)).record);
  }

  private recorded(record: InMemoryStreamRecord | undefined): InMemoryStreamRecord {
    if (record === undefined) throw new Error('the workload made a write that changed nothing');
    return record;
  }

  private now(): string {
    return new Date(this.clock.now()).toISOString();
  }
}

const idOf = (line: BenchOrderLine) => `${line.orderId}|${line.lineId}`;

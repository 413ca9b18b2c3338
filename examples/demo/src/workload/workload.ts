import { seededRandom } from '@sluice/testing';
import type { Operation } from './operation.js';
import { OrderWorkload } from './orderWorkload.js';
import { TaskWorkload } from './taskWorkload.js';
import { emptyStats, type WorkloadStats } from './workloadStats.js';

const HOUR_MS = 3_600_000;
const SWEEP_EVERY = 100;
/** The longest pause between two steps; big runs get shorter ones (see `maxTickMs`). */
const MAX_TICK_MS = 400;
/** Simulated time the steps may take at most, well inside the stream's 24-hour retention. */
const STEPS_SPAN_MS = 16 * HOUR_MS;

/** How much to generate, from which seed, starting at which instant. */
export interface WorkloadOptions {
  readonly orders: number;
  readonly tasks: number;
  readonly seed: number;
  readonly startMs: number;
}

/**
 * The demo's generated workload: orders and tasks interleaved as two apps would write them, time
 * passing between writes, TTL sweeps every hundred steps, one shard rollover half-way, and a
 * final wait until every expiring task has expired.
 */
export class Workload {
  /** What has been generated so far. */
  readonly stats: WorkloadStats = emptyStats();
  /** Steps in all; `done / total` is the progress. */
  readonly total: number;
  private stepsDone = 0;
  private readonly maxTickMs: number;
  private readonly orders: OrderWorkload;
  private readonly tasks: TaskWorkload;

  constructor(private readonly options: WorkloadOptions) {
    const random = seededRandom(options.seed);
    this.orders = new OrderWorkload(options.orders, random, this.stats);
    this.tasks = new TaskWorkload(options.tasks, random, this.stats);
    this.total = this.orders.remaining + this.tasks.remaining;
    this.maxTickMs = Math.max(8, Math.min(MAX_TICK_MS, Math.floor(STEPS_SPAN_MS / this.total)));
  }

  /** Steps generated so far. */
  get done(): number {
    return this.stepsDone;
  }

  /** Every operation, in order; `random` is consumed as it goes, so iterate once. */
  *operations(): Generator<Operation, void> {
    const random = seededRandom(this.options.seed ^ 0x5eed);
    let now = this.options.startMs;
    while (this.orders.remaining + this.tasks.remaining > 0) {
      const orderShare = this.orders.remaining / (this.orders.remaining + this.tasks.remaining);
      yield* random.next() < orderShare ? this.orders.step() : this.tasks.step(now);
      this.stepsDone++;
      const ms = random.int(Math.ceil(this.maxTickMs / 8), this.maxTickMs);
      now += ms;
      yield { kind: 'tick', ms };
      if (this.stepsDone % SWEEP_EVERY === 0) yield { kind: 'sweepTtl' };
      if (this.stepsDone === Math.floor(this.total / 2)) yield { kind: 'rollover' };
    }
    // Expiries are at most five hours ahead: let them all pass, as TTL would.
    yield { kind: 'tick', ms: 6 * HOUR_MS };
    yield { kind: 'sweepTtl' };
  }
}

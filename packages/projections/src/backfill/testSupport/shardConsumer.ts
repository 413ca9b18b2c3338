import type { InMemoryStreamRecord, InMemoryTable } from '@sluice/offline';
import { toLambdaRecord } from '@sluice/offline';
import { processBatch } from '../../batch/processBatch.js';
import { InMemoryDeadLetters } from '../../deadLetter/inMemoryDeadLetters.js';
import type { Projection } from '../../projection/projection.js';
import type { ProjectionStore } from '../../store/projectionStore.js';

/**
 * A live-stream consumer driven step by step, as a poller would read: one iterator per shard,
 * opened at TRIM_HORIZON or LATEST when created, pages of any size, each page applied (twice
 * when asked: delivery is at least once) before the next is read.
 */
export class ShardConsumer {
  private readonly iterators: (string | undefined)[];
  /** Every record this consumer applied, in the order it applied them. */
  readonly applied: InMemoryStreamRecord[] = [];

  constructor(
    private readonly table: InMemoryTable,
    private readonly projections: readonly Projection[],
    private readonly store: ProjectionStore,
    from: 'TRIM_HORIZON' | 'LATEST',
  ) {
    const { stream } = table;
    this.iterators = stream.openShardIds().map(
      (ShardId) =>
        stream.getShardIterator({
          StreamArn: stream.streamArn,
          ShardId,
          ShardIteratorType: from,
        }).ShardIterator,
    );
  }

  /** Reads and applies up to `limit` records of one shard (chosen modulo the shard count). */
  async step(shard: number, limit: number, twice = false): Promise<void> {
    const index = shard % this.iterators.length;
    const iterator = this.iterators[index];
    if (iterator === undefined) return;
    const page = this.table.stream.getRecords({ ShardIterator: iterator, Limit: limit });
    this.iterators[index] = page.NextShardIterator;
    if (page.Records.length === 0) return;
    const arn = this.table.stream.streamArn;
    const records = page.Records.map((record) => toLambdaRecord(record, arn));
    for (let time = 0; time < (twice ? 2 : 1); time++) {
      const result = await processBatch(
        {
          projections: this.projections,
          store: this.store,
          deadLetters: new InMemoryDeadLetters(),
        },
        records,
      );
      if (result._tag !== 'BatchCompleted')
        throw new Error(`live batch failed: ${result.cause.message}`);
    }
    this.applied.push(...page.Records);
  }

  /** Reads every shard to its end. */
  async drain(): Promise<void> {
    for (let shard = 0; shard < this.iterators.length; shard++)
      for (let before = -1; before !== this.applied.length; ) {
        before = this.applied.length;
        await this.step(shard, 1000);
      }
  }
}

/** A clean single pass of `records` through the projections into `store`: the reference result. */
export const cleanPass = async (
  table: InMemoryTable,
  records: readonly InMemoryStreamRecord[],
  projections: readonly Projection[],
  store: ProjectionStore,
): Promise<void> => {
  const arn = table.stream.streamArn;
  const result = await processBatch(
    { projections, store, deadLetters: new InMemoryDeadLetters() },
    records.map((record) => toLambdaRecord(record, arn)),
  );
  if (result._tag !== 'BatchCompleted')
    throw new Error(`clean pass failed: ${result.cause.message}`);
};

import { performance } from 'node:perf_hooks';
import { InProcessDynamoDB } from '@sluice/testing';
import { workloadWrites } from './workloadWrites.js';

/** The same writes through `InMemoryTable`'s own API: how long they took, and the records they wrote. */
export interface DirectWorkloadRun {
  readonly writesMs: number;
  readonly streamReadMs: number;
  readonly records: number;
}

/**
 * The SDK workload's writes applied with the table's typed helpers (`put`, `update` with a
 * function doing what the update expression does, `delete`), no SDK in between; then every
 * stream record read with `stream.records()`.
 */
export const runDirectWorkload = (writes: number): DirectWorkloadRun => {
  const table = new InProcessDynamoDB().createTable({
    TableName: 'direct',
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
    BillingMode: 'PAY_PER_REQUEST',
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
  });
  const t0 = performance.now();
  for (const write of workloadWrites(writes)) {
    if (write._tag === 'Put') table.put(write.item);
    else if (write._tag === 'Delete') table.delete({ id: write.id });
    else
      table.update({ id: write.id }, (current) => ({
        ...(current ?? { id: write.id }),
        count: ((current?.count as number | undefined) ?? 0) + 1,
        updatedAt: write.at,
      }));
  }
  const t1 = performance.now();
  const records = table.stream.records().length;
  return { writesMs: t1 - t0, streamReadMs: performance.now() - t1, records };
};

import type { StreamViewType } from '@sluice/core';
import { ManualClock } from '@sluice/core';
import type { DocumentOptions, InMemoryStreamOptions, TableKeyAttribute } from '@sluice/offline';
import { InMemoryTable } from '@sluice/offline';
import type { Projection } from '@sluice/projections';
import { applyTableWrite, type TableWrite } from './tableWrite.js';

/** The source table a spec writes to; every setting has a default. */
export interface SourceTableOptions extends DocumentOptions {
  /** Default `source`. */
  readonly tableName?: string;
  /** Default `{ name: 'id', type: 'S' }`. */
  readonly partitionKey?: TableKeyAttribute;
  readonly sortKey?: TableKeyAttribute;
  /** Default: the view type the projections read (NEW_AND_OLD_IMAGES when they differ). */
  readonly streamViewType?: StreamViewType;
  /** The TTL attribute (epoch seconds) that `{ sweepTtl: true }` reads. */
  readonly timeToLiveAttribute?: string;
  /** Shard layout; `partitionCount` defaults to 4, as for every in-memory table (DynamoDB Local has one). */
  readonly stream?: InMemoryStreamOptions;
  /** Default: a new `ManualClock` at 2024-01-01T00:00:00Z, so times in rows are predictable. */
  readonly clock?: ManualClock;
}

/** The history a spec starts from: steps as data, or a function writing to the fresh table. */
export type GivenWrites =
  | readonly TableWrite[]
  | ((table: InMemoryTable, clock: ManualClock) => void | Promise<void>);

// The stream the projections are deployed on must carry what they read; the fullest one does.
const viewTypeFor = (projections: readonly Projection[]): StreamViewType => {
  const [first, ...rest] = projections.map((p) => p.viewType);
  return first !== undefined && rest.every((v) => v === first) ? first : 'NEW_AND_OLD_IMAGES';
};

/** Creates the source table and writes the history to it. */
export const writeSourceTable = async (
  writes: GivenWrites,
  options: SourceTableOptions,
  projections: readonly Projection[],
): Promise<InMemoryTable> => {
  const clock = options.clock ?? new ManualClock();
  const table = new InMemoryTable({
    ...options,
    tableName: options.tableName ?? 'source',
    partitionKey: options.partitionKey ?? { name: 'id', type: 'S' },
    streamViewType: options.streamViewType ?? viewTypeFor(projections),
    ...(options.stream === undefined ? {} : { stream: options.stream }),
    clock,
  });
  if (typeof writes === 'function') await writes(table, clock);
  else for (const write of writes) applyTableWrite(table, clock, write);
  return table;
};

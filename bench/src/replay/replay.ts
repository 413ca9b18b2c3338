import { performance } from 'node:perf_hooks';
import { resourceUsage } from 'node:process';
import { InMemoryDeadLetters, InMemoryProjectionStore, processBatch } from '@sluice/projections';
import { RECORD_RETENTION_MS } from '@sluice/testing';
import { allProjections, benchTables } from '../orders/benchProjections.js';
import { OrderLineWorkload } from '../orders/orderLineWorkload.js';
import { DrainingStore } from './drainingStore.js';
import { unmarshallImages } from './unmarshallImages.js';

/** Sizes of the replay. */
export interface ReplayOptions {
  /** Changes generated and projected. */
  readonly changes: number;
  /** Records per read and per projected batch (GetRecords returns at most 1000). Default 1000. */
  readonly batchSize?: number;
  /** The share of the run the 24-hour retention window spans; sets the clock speed. Default 0.15. */
  readonly retentionShare?: number;
  /** Memory snapshots taken, evenly spread over the run. Default 10. */
  readonly checkpoints?: number;
  /**
   * `sluice` (default): the three projections through `processBatch`. `unmarshall`: the reference,
   * util-dynamodb's `unmarshall` of both images of every record and nothing else.
   */
  readonly pipeline?: ReplayPipeline;
}

/** What the replay runs the records through. */
export type ReplayPipeline = 'sluice' | 'unmarshall';

/** Memory after a share of the changes was consumed. */
export interface MemoryCheckpoint {
  readonly consumed: number;
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
  /** Heap still in use right after a full GC: what the pipeline holds, without garbage V8 has not collected yet. */
  readonly retainedHeapBytes: number | undefined;
  /** Records the stream holds in memory (retained, or trimmed but not yet released). */
  readonly streamRecords: number;
  /** Items in the source table. */
  readonly tableItems: number;
}

/** What the replay measured. */
export interface ReplayResult {
  readonly pipeline: ReplayPipeline;
  readonly changes: number;
  /** The share of the run the 24-hour retention window spans. */
  readonly retentionShare: number;
  readonly msPerChange: number;
  /** Changes per second through reading the stream, decoding, planning and applying. */
  readonly eventsPerSecond: number;
  /** The same, counting the time spent generating the source writes too. */
  readonly endToEndEventsPerSecond: number;
  readonly replaySeconds: number;
  readonly generationSeconds: number;
  readonly checkpoints: readonly MemoryCheckpoint[];
  /** Highest RSS seen after any batch. */
  readonly peakRssBytes: number;
  /** The kernel's peak resident set size of the process. */
  readonly maxRssBytes: number;
  readonly historyRows: number;
  readonly aggregateRows: number;
  readonly markerRows: number;
  /** Markers whose TTL has not passed at the end: those DynamoDB would still hold. */
  readonly unexpiredMarkerRows?: number;
  /** Items in the source table at the end. */
  readonly liveItems?: number;
  readonly archiveRows: number;
}

type Gc = (options?: { type: 'minor' | 'major' }) => void;

// The next `size` records after `lastSequenceNumber`, through a fresh iterator: at replay speed
// the clock may outrun an iterator's 15 minutes.
const readAfter = (
  stream: OrderLineWorkload['table']['stream'],
  shardId: string,
  lastSequenceNumber: string | undefined,
  size: number,
) => {
  const { ShardIterator } = stream.getShardIterator({
    StreamArn: stream.streamArn,
    ShardId: shardId,
    ...(lastSequenceNumber === undefined
      ? { ShardIteratorType: 'TRIM_HORIZON' }
      : { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: lastSequenceNumber }),
  });
  return stream.getRecords({ ShardIterator, Limit: size }).Records;
};

// One batch through the three projections; any failure or poison record stops the replay.
const runSluice = async (
  settings: Parameters<typeof processBatch>[0],
  records: Parameters<typeof processBatch>[1],
  consumed: number,
): Promise<void> => {
  const result = await processBatch(settings, records);
  if (result._tag !== 'BatchCompleted' || result.poison.length > 0)
    throw new Error(`replay stopped after ${consumed} changes: ${JSON.stringify(result)}`);
};

// Memory now, and the heap still retained after a full collection when `gc` is exposed.
const memoryCheckpoint = (
  consumed: number,
  workload: OrderLineWorkload,
  gc: Gc | undefined,
): MemoryCheckpoint => {
  const memory = process.memoryUsage();
  gc?.();
  return {
    consumed,
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    retainedHeapBytes: gc ? process.memoryUsage().heapUsed : undefined,
    streamRecords: workload.table.stream.heldRecordCount(),
    tableItems: workload.table.itemCount,
  };
};

// What the tables hold at the end. The in-memory store keeps expired markers (TTL deletion is
// DynamoDB's job): those DynamoDB would still hold are counted apart.
const tablesAtEnd = async (store: DrainingStore, workload: OrderLineWorkload) => {
  const rows = async (table: string) => (await store.scan(table)).length;
  const nowSeconds = workload.clock.now() / 1000;
  const unexpired = (await store.scan(benchTables.markers)).filter(
    (marker) => typeof marker.expiresAt !== 'number' || marker.expiresAt > nowSeconds,
  ).length;
  return {
    historyRows: store.drainedRows,
    aggregateRows: await rows(benchTables.linesPerOrder),
    markerRows: await rows(benchTables.markers),
    unexpiredMarkerRows: unexpired,
    liveItems: workload.table.itemCount,
    archiveRows: await rows(benchTables.archive),
  };
};

/**
 * Issue 7, measurement 4: generated order-line changes on an in-memory table are read from its
 * stream a batch at a time (as a poller does) and run through order history, lines per order and
 * archive on the in-memory store. The clock advances so that the 24-hour retention window spans
 * `retentionShare` of the run, and the stream trims behind it; history rows are counted, not kept.
 */
export const replay = async (options: ReplayOptions): Promise<ReplayResult> => {
  const { changes } = options;
  const batchSize = options.batchSize ?? 1000;
  const pipeline = options.pipeline ?? 'sluice';
  const retentionShare = options.retentionShare ?? 0.15;
  const msPerChange = RECORD_RETENTION_MS / (retentionShare * changes);
  const workload = new OrderLineWorkload({ msPerChange, orderSpace: 10_000, seed: 11 });
  const { stream } = workload.table;
  const store = new DrainingStore(new InMemoryProjectionStore(), benchTables.history);
  const settings = {
    projections: allProjections,
    store,
    deadLetters: new InMemoryDeadLetters(),
    streamArn: stream.streamArn,
  };
  const shardId = stream.openShardIds()[0]!;
  const every = Math.max(1, Math.floor(changes / (options.checkpoints ?? 10)));
  const checkpoints: MemoryCheckpoint[] = [];
  let lastSequenceNumber: string | undefined;
  let generationMs = 0;
  let replayMs = 0;
  let peakRssBytes = 0;
  let nextCheckpoint = every;
  // Available when the process runs with --expose-gc (`runReplayInChild` does); outside timed sections.
  const gc = (globalThis as { gc?: Gc }).gc;
  for (let consumed = 0; consumed < changes; ) {
    const size = Math.min(batchSize, changes - consumed);
    let start = performance.now();
    for (let i = 0; i < size; i++) workload.step();
    generationMs += performance.now() - start;
    // The stream keeps the generated records for 24 hours (on DynamoDB they live on the server):
    // evacuate them from the young generation now, so copying them is not billed to the pipeline.
    gc?.({ type: 'minor' });

    start = performance.now();
    const Records = readAfter(stream, shardId, lastSequenceNumber, size);
    if (pipeline === 'unmarshall') unmarshallImages(Records);
    else await runSluice(settings, Records, consumed);
    replayMs += performance.now() - start;
    if (Records.length !== size)
      throw new Error(`replay read ${Records.length} records, expected ${size}`);
    lastSequenceNumber = Records[Records.length - 1]!.dynamodb.SequenceNumber;
    consumed += size;

    const rss = process.memoryUsage.rss();
    if (rss > peakRssBytes) peakRssBytes = rss;
    if (consumed >= nextCheckpoint || consumed === changes) {
      checkpoints.push(memoryCheckpoint(consumed, workload, gc));
      nextCheckpoint += every;
    }
  }
  return {
    pipeline,
    changes,
    retentionShare,
    msPerChange,
    eventsPerSecond: (changes * 1000) / replayMs,
    endToEndEventsPerSecond: (changes * 1000) / (replayMs + generationMs),
    replaySeconds: replayMs / 1000,
    generationSeconds: generationMs / 1000,
    checkpoints,
    peakRssBytes,
    maxRssBytes: resourceUsage().maxRSS * 1024,
    ...(await tablesAtEnd(store, workload)),
  };
};

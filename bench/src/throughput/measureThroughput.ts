import { orderLineEvent } from '../orders/orderLineEvent.js';
import { type GcShare, gcShare } from '../timing/gcShare.js';
import { interleavedRounds, type Timings } from '../timing/interleavedRounds.js';
import { handWrittenProjections, handWrittenTables } from './handWrittenProjections.js';
import { handWrittenUnmarshall } from './handWrittenUnmarshall.js';
import { type ParsedOrderLineRecord, powertoolsHandler } from './powertoolsBatch.js';
import { powertoolsStreamRecordHandler, type StreamRecord } from './powertoolsStreamRecord.js';
import { sluiceBatch, sluiceDecode, sluiceDecodeAndPlan } from './sluiceBatch.js';

/** Sizes of the batch throughput measurement. */
export interface ThroughputOptions {
  readonly records: number;
  readonly warmUp: number;
  readonly rounds: number;
}

/** Records per second of one contestant, from its median round. */
export interface Rate extends Timings {
  readonly recordsPerSecond: number;
}

/** The batch throughput figures: the event's mix and every contestant's rate. */
export interface ThroughputResult {
  readonly records: number;
  readonly rounds: number;
  readonly mix: Readonly<Record<'INSERT' | 'MODIFY' | 'REMOVE', number>>;
  readonly handWritten: Rate;
  /** (a′): the hand-written handler for the same two projections. */
  readonly handWrittenProjections: Rate;
  readonly powertools: Rate;
  /** (b′): Powertools with the stock stream-record schema, no item schema. */
  readonly powertoolsUnvalidated: Rate;
  readonly sluice: Rate;
  readonly sluiceDecodeOnly: Rate;
  readonly sluiceDecodeAndPlan: Rate;
  /** Garbage-collection pauses of (c) and (a′), each run alone after the timed rounds. */
  readonly gc: { readonly sluice: GcShare; readonly handWrittenProjections: GcShare };
}

const LAMBDA_CONTEXT = {} as never;

// A minor GC between turns (the child runs with --expose-gc): each contestant starts on an empty
// young generation instead of paying to copy whatever its predecessor left alive there.
const emptyYoungGeneration = () =>
  (globalThis as { gc?: (options: { type: 'minor' }) => void }).gc?.({ type: 'minor' });

/**
 * Issues 7 and 18, measurement 1: one Lambda event of generated order-line changes through (a) a
 * hand-written `unmarshall` loop, (a′) a hand-written handler for the same two projections,
 * (b) Powertools batch + parser with item schemas, (b′) the same without item schemas, (c) Sluice
 * decode + plan + in-memory apply, plus Sluice's decode and decode+plan steps alone; each round-robin, median of `rounds` after `warmUp`.
 */
export const measureThroughput = async (options: ThroughputOptions): Promise<ThroughputResult> => {
  const { event, counts } = orderLineEvent(options.records);
  let parsed: ParsedOrderLineRecord[] = [];
  const powertools = powertoolsHandler(async (record) => {
    parsed.push(record);
  });
  const runPowertools = async () => {
    parsed = [];
    const response = await powertools(event, LAMBDA_CONTEXT);
    if (response.batchItemFailures.length > 0 || parsed.length !== event.Records.length)
      throw new Error(`Powertools rejected ${response.batchItemFailures.length} records`);
  };
  let unvalidated: StreamRecord[] = [];
  const powertoolsUnvalidated = powertoolsStreamRecordHandler(async (record) => {
    unvalidated.push(record);
  });
  const runPowertoolsUnvalidated = async () => {
    unvalidated = [];
    const response = await powertoolsUnvalidated(event, LAMBDA_CONTEXT);
    if (response.batchItemFailures.length > 0 || unvalidated.length !== event.Records.length)
      throw new Error(`Powertools (b′) rejected ${response.batchItemFailures.length} records`);
  };
  const timings = await interleavedRounds(
    [
      { name: 'handWritten', run: () => handWrittenUnmarshall(event) },
      {
        name: 'handWrittenProjections',
        run: () => handWrittenProjections(event, handWrittenTables()),
      },
      { name: 'powertools', run: runPowertools },
      { name: 'powertoolsUnvalidated', run: runPowertoolsUnvalidated },
      { name: 'sluice', run: () => sluiceBatch(event) },
      { name: 'sluiceDecodeOnly', run: () => sluiceDecode(event) },
      { name: 'sluiceDecodeAndPlan', run: () => sluiceDecodeAndPlan(event) },
    ],
    { warmUp: options.warmUp, rounds: options.rounds, beforeEach: emptyYoungGeneration },
  );
  const gcRounds = Math.max(2, options.rounds);
  const gc = {
    sluice: await gcShare(() => sluiceBatch(event), gcRounds),
    handWrittenProjections: await gcShare(
      () => handWrittenProjections(event, handWrittenTables()),
      gcRounds,
    ),
  };
  const rate = (name: string): Rate => {
    const t = timings.find((timing) => timing.name === name)!;
    return { ...t, recordsPerSecond: (options.records * 1000) / t.medianMs };
  };
  return {
    records: options.records,
    rounds: options.rounds,
    mix: counts,
    handWritten: rate('handWritten'),
    handWrittenProjections: rate('handWrittenProjections'),
    powertools: rate('powertools'),
    powertoolsUnvalidated: rate('powertoolsUnvalidated'),
    sluice: rate('sluice'),
    sluiceDecodeOnly: rate('sluiceDecodeOnly'),
    sluiceDecodeAndPlan: rate('sluiceDecodeAndPlan'),
    gc,
  };
};

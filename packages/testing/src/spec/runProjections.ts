import type { DeliveryReport, StreamSource } from '@sluice/offline';
import { deliverStream } from '@sluice/offline';
import {
  type DeadLetter,
  InMemoryDeadLetters,
  InMemoryProjectionStore,
  type Projection,
  type Row,
} from '@sluice/projections';
import { lambdaHandler } from '@sluice/projections/lambda';
import { type Deliveries, deliveryPlan } from './deliveryPlan.js';
import { withStoreFaults } from './storeFaults.js';
import { notingTableKeys, type TableKeys } from './tableKeys.js';

/** How `when` runs the projections over the source table's stream. */
export interface WhenOptions {
  /** Default `clean`. */
  readonly deliveries?: Deliveries;
  /** Deliver the whole stream this many times to the same tables (2 proves a replay changes nothing). Default 1. */
  readonly times?: number;
  /** What a poison record does to its batch (see `lambdaHandler`). Default `skip`. */
  readonly poison?: 'skip' | 'block';
}

/** What the projections made of the stream: their tables, the poison records, the deliveries. */
export interface ProjectionOutcome {
  /** Every table the projections wrote (marker tables too), rows in key order. */
  readonly tables: Readonly<Record<string, readonly Row[]>>;
  /** Each table's key attribute names, sorted, as the projections' writes named them. */
  readonly keys: Readonly<Record<string, readonly string[]>>;
  /** Poison records, each once (a redelivered batch dead-letters its records again). */
  readonly deadLetters: readonly DeadLetter[];
  /** What each delivery of the stream did: one report per `times`. */
  readonly deliveries: readonly DeliveryReport[];
  /** Invocations that ran with a store crash or failure armed (`storeFaults`). */
  readonly storeFaultsArmed: number;
  /** The stream that was delivered: the in-memory table, or a stream read through the Streams API. */
  readonly source: StreamSource;
}

const distinct = (letters: readonly DeadLetter[]): DeadLetter[] => {
  const seen = new Set<string>();
  return letters.filter((letter) => {
    const id = `${letter.projection}|${letter.eventId ?? letter.sequenceNumber}|${letter.reason._tag}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
};

/**
 * Delivers the source's stream to the projections' Lambda handler through the delivery driver, on
 * a fresh in-memory store, as the mapping the handler recommends plus the plan's changes.
 */
export const runProjections = async (
  source: StreamSource,
  projections: readonly Projection[],
  options: WhenOptions,
): Promise<ProjectionOutcome> => {
  const times = options.times ?? 1;
  const plan = deliveryPlan(options.deliveries ?? 'clean');
  const store = new InMemoryProjectionStore();
  const deadLetters = new InMemoryDeadLetters();
  const keys: TableKeys = new Map();
  const handler = lambdaHandler({
    projections,
    store: notingTableKeys(store, keys),
    deadLetters,
    ...(options.poison === undefined ? {} : { poison: options.poison }),
  });
  // The destination ARN is a placeholder and changes nothing in the driver.
  const { DestinationConfig: _, ...recommended } = handler.recommendedEventSourceMapping;
  const count = { armed: 0 };
  const deliveries: DeliveryReport[] = [];
  for (let run = 0; run < times; run++) {
    // Each delivery draws its own schedule, still replayable from the one seed.
    const seed = (plan.faults?.seed ?? 1) + run;
    deliveries.push(
      await deliverStream({
        source,
        handler: withStoreFaults(handler, store, plan.storeFaults, seed, count),
        options: { ...recommended, ...plan.mapping },
        faults: { ...plan.faults, seed },
      }),
    );
  }
  return {
    tables: store.tables(),
    keys: Object.fromEntries(keys),
    deadLetters: distinct(deadLetters.letters),
    deliveries,
    storeFaultsArmed: count.armed,
    source,
  };
};

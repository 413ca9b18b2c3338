import type { StreamConnection } from '@sluice/offline';
import { InMemoryTable } from '@sluice/offline';
import { checkUniqueNames, type Projection } from '@sluice/projections';
import { deliveryPlan } from './deliveryPlan.js';
import { type ProjectionRun, projectionRun } from './projectionRun.js';
import type { WhenOptions } from './runProjections.js';
import { type GivenWrites, type SourceTableOptions, writeSourceTable } from './sourceTable.js';

/** The changes a projection spec starts from; `when` names the projections and the deliveries. */
export interface ProjectionSpec {
  /**
   * Runs the projections (any made with `defineProjection`) over the source table's stream through
   * the Lambda-like delivery driver, on fresh in-memory tables. Nothing runs until an assertion.
   */
  when(projections: Projection | readonly Projection[], options?: WhenOptions): ProjectionRun;
}

/**
 * Starts a projection spec: `given(changes).when(projection, { deliveries }).then(tables)`. The
 * changes are written to an in-memory table (steps as data, or a function of the table and its
 * clock) whose stream carries exactly the records DynamoDB would emit; or pass a table you wrote,
 * or the stream of a table your own code wrote through the SDK (`{ client, streamArn }`, from
 * `InProcessDynamoDB` or DynamoDB Local alike: see `createSourceTable`).
 */
export function given(source: InMemoryTable | StreamConnection): ProjectionSpec;
export function given(writes: GivenWrites, options?: SourceTableOptions): ProjectionSpec;
export function given(
  source: InMemoryTable | StreamConnection | GivenWrites,
  options: SourceTableOptions = {},
): ProjectionSpec {
  if (source instanceof InMemoryTable && !source.hasStream)
    throw new TypeError(
      `given(table): table ${source.tableName} has no stream (set streamViewType)`,
    );
  return {
    when: (projections, whenOptions = {}) => {
      const list: readonly Projection[] = Array.isArray(projections)
        ? projections
        : [projections as Projection];
      if (list.length === 0) throw new TypeError('when() needs at least one projection');
      checkUniqueNames(list, 'given().when()');
      const times = whenOptions.times ?? 1;
      if (!Number.isInteger(times) || times < 1)
        throw new RangeError(`times must be a positive integer, got ${times}`);
      const plan = deliveryPlan(whenOptions.deliveries ?? 'clean');
      // The delivery seed also lays out the shards' sequence numbers, so a property test over
      // seeds meets many cross-shard orders, not one.
      const stream = { sequenceSeed: plan.faults?.seed ?? 1, ...options.stream };
      const writeSource = () =>
        isWrites(source)
          ? writeSourceTable(source, { ...options, stream }, list)
          : Promise.resolve(source);
      return projectionRun(writeSource, list, whenOptions);
    },
  };
}

// Steps as data are an array and a history a function; a table or a stream connection is neither.
const isWrites = (source: InMemoryTable | StreamConnection | GivenWrites): source is GivenWrites =>
  Array.isArray(source) || typeof source === 'function';

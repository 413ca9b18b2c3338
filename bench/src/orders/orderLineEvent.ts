import { toLambdaEvent } from '@sluice/testing';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { OrderLineWorkload, type OrderLineWorkloadOptions } from './orderLineWorkload.js';

/** A Lambda event of generated order-line changes, and how many of each kind it holds. */
export interface OrderLineEvent {
  readonly event: DynamoDBStreamEvent;
  readonly counts: Readonly<Record<'INSERT' | 'MODIFY' | 'REMOVE', number>>;
}

/**
 * `records` consecutive order-line changes as one `DynamoDBStreamEvent`, taken after a warm-up of
 * `records` changes so that the table holds lines to modify and remove (a realistic mix), and
 * passed through JSON as Lambda delivers it.
 */
export const orderLineEvent = (
  records: number,
  options: OrderLineWorkloadOptions = {},
): OrderLineEvent => {
  const workload = new OrderLineWorkload({ liveLines: Math.max(50, records / 2), ...options });
  workload.run(records);
  const before = { ...workload.counts };
  const taken = workload.run(records);
  const counts = {
    INSERT: workload.counts.INSERT - before.INSERT,
    MODIFY: workload.counts.MODIFY - before.MODIFY,
    REMOVE: workload.counts.REMOVE - before.REMOVE,
  };
  // Lambda hands the handler a freshly parsed JSON payload: plain, unshared, unfrozen objects.
  const event = JSON.parse(JSON.stringify(toLambdaEvent(taken, workload.table.stream.streamArn)));
  return { event, counts };
};

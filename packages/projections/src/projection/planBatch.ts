import type { ChangeEvent, StreamViewType } from '@sluice/core';
import { BatchPlanner } from '../plan/batchPlanner.js';
import type { PlannedBatch } from '../plan/plannedBatch.js';
import type { Projection } from './projection.js';

/** Plans a batch of already admitted events for one projection, coalescing writes per row and item. */
export const planBatch = <T, V extends StreamViewType, K>(
  projection: Projection<T, V, K>,
  events: readonly ChangeEvent<T, V, K>[],
): PlannedBatch => {
  const planner = new BatchPlanner();
  for (let i = 0; i < events.length; i++) planner.add(projection.plan(events[i]!), i);
  return planner.result();
};

import type { ChangeEvent, StreamViewType } from '@sluice/core';
import type { Projection } from '../projection/projection.js';
import { BatchPlanner } from './batchPlanner.js';
import type { PlannedBatch } from './plannedBatch.js';

/** Plans a batch of already admitted events for one projection, coalescing writes per row and item. */
export const planBatch = <T, V extends StreamViewType, K>(
  projection: Projection<T, V, K>,
  events: readonly ChangeEvent<T, V, K>[],
): PlannedBatch => {
  const planner = new BatchPlanner();
  for (let i = 0; i < events.length; i++) planner.add(projection.plan(events[i]!), i);
  return planner.result();
};

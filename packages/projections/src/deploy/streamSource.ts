import type { StreamViewType } from '@sluice/core';
import type { TableSpec } from '../dynamodb/tables/tableSpec.js';

/** A table whose stream feeds the projections. */
export interface StreamSourceSpec extends TableSpec {
  readonly streamViewType: StreamViewType;
  /** The TTL attribute (epoch seconds); DynamoDB deletes items once it has passed. */
  readonly timeToLiveAttribute?: string;
}

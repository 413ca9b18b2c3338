/** What a workload generated, counted as it goes, for the summary. */
export interface WorkloadStats {
  orders: number;
  orderLines: number;
  lineChanges: number;
  lineDeletes: number;
  tasks: number;
  taskEdits: number;
  taskMoves: number;
  taskDeletes: number;
  /** Tasks written with an `expires` attribute (DynamoDB's TTL deletes them later). */
  expiringTasks: number;
  /** Malformed items written on purpose: each becomes a poison record. */
  poisonItems: number;
}

/** All zeros. */
export const emptyStats = (): WorkloadStats => ({
  orders: 0,
  orderLines: 0,
  lineChanges: 0,
  lineDeletes: 0,
  tasks: 0,
  taskEdits: 0,
  taskMoves: 0,
  taskDeletes: 0,
  expiringTasks: 0,
  poisonItems: 0,
});

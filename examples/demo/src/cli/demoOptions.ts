/** What one demo run does: how much to generate, from which seed, on which engine. */
export interface DemoOptions {
  readonly orders: number;
  readonly tasks: number;
  readonly seed: number;
  /** Run on DynamoDB Local with the stream poller instead of the in-memory table and driver. */
  readonly dynamodbLocal: boolean;
}

/** The defaults: thousands of orders and tasks, done in a few seconds in memory. */
export const defaultOptions: DemoOptions = {
  orders: 2000,
  tasks: 3000,
  seed: 42,
  dynamodbLocal: false,
};

/**
 * Sizes when `--dynamodb-local` is given without them: DynamoDB Local is a Java process on this
 * machine, a few hundred writes a second, so the defaults above would take minutes.
 */
export const dynamodbLocalSizes = { orders: 300, tasks: 500 } as const;

/** The most of either kind a run accepts: more would only take long, not show more. */
export const MAX_SIZE = 200_000;

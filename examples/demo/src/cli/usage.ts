import { defaultOptions, dynamodbLocalSizes, MAX_SIZE } from './demoOptions.js';

/** The text of `--help`. */
export const usage = `Usage: pnpm demo [options]

Runs the three Sluice examples end to end on a generated workload:
  orders  order lines  -> orderHistory (every change, one Query per order)
                       -> orderTotals (lines, quantity, amount per order)
  todo    todoListTask -> todoTaskCount (tasks per list, through adds, moves, deletes)
  archive todoListTask -> todoListTaskArchived (tasks deleted by TTL, not by users)
Writes go to a DynamoDB table; its stream is delivered the way Lambda does, with
duplicate batches, lost responses, regrouped retries and store crashes injected,
and a few malformed items that end up as dead letters. At the end every
projection is compared with a clean recomputation from the source table and
stream; the exit code is 1 if any differs.

Options:
  --orders N         orders to create, 1 to ${MAX_SIZE}
                     (default ${defaultOptions.orders}; ${dynamodbLocalSizes.orders} with --dynamodb-local)
  --tasks N          todo tasks to create, 1 to ${MAX_SIZE}
                     (default ${defaultOptions.tasks}; ${dynamodbLocalSizes.tasks} with --dynamodb-local)
  --seed N           seed of the workload and of the injected faults, 0 to 4294967295
                     (default ${defaultOptions.seed}); the same seed replays the same run
  --dynamodb-local   run on DynamoDB Local (started for the run; needs Java 17+)
                     with one stream poller per example, instead of the in-memory
                     table and the Lambda-like driver; DynamoDB Local has no TTL,
                     so the archive stays empty there
  -h, --help         show this help

Exit codes: 0 all projections exact, 1 a projection differs or the run failed,
2 bad options.
`;

import * as t from 'io-ts';

/** A todo task that DynamoDB's TTL deletes once `expires` (epoch seconds) has passed. */
export const ExpiringTaskCodec = t.type({
  ListId: t.string,
  TaskId: t.string,
  description: t.string,
  created: t.string,
  expires: t.number,
});

/** An expiring task, derived from its codec. */
export type ExpiringTask = t.TypeOf<typeof ExpiringTaskCodec>;

/** The key of `todoListTask`: list id (partition key) and task id (sort key). */
export const TaskKeyCodec = t.type({ ListId: t.string, TaskId: t.string });

/** A task's key. */
export type TaskKey = t.TypeOf<typeof TaskKeyCodec>;

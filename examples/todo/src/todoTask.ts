import * as t from 'io-ts';

/** A task of a todo list in the `todoListTask` table; `created` is an ISO 8601 date. */
export const TodoTaskCodec = t.type({
  ListId: t.string,
  TaskId: t.string,
  description: t.string,
  created: t.string,
});

/** A todo task, derived from its codec. */
export type TodoTask = t.TypeOf<typeof TodoTaskCodec>;

/** The key of `todoListTask`: the list is the partition key, so moving a task changes its key. */
export const TodoTaskKeyCodec = t.type({ ListId: t.string, TaskId: t.string });

/** A todo task's key. */
export type TodoTaskKey = t.TypeOf<typeof TodoTaskKeyCodec>;

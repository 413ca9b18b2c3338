import type { TodoTask } from '@sluice/example-todo';
import type { SeededRandom } from '@sluice/testing';
import { LivePool } from './livePool.js';
import type { Operation } from './operation.js';
import type { WorkloadStats } from './workloadStats.js';

const HOUR_MS = 3_600_000;
const CHANGES_PER_TASK = 1.5;
const LIST_NAMES = ['inbox', 'groceries', 'home', 'work', 'garden', 'travel', 'errands', 'reading'];
const VERBS = ['buy', 'call', 'fix', 'book', 'clean', 'plan', 'email', 'pay', 'water', 'return'];
const THINGS = ['milk', 'the plumber', 'the bike', 'flights', 'the garage', 'the trip', 'Alice'];

/** A task as the workload knows it: `expires` when DynamoDB's TTL will delete it. */
type Task = TodoTask & { readonly expires?: number };

/**
 * Todo tasks: created in lists, edited, moved to another list (a delete and a put in one
 * transaction, since the list is the partition key), deleted by users, and, for some, expiring
 * through TTL. Every 500th task has a number for a description: a poison record.
 */
export class TaskWorkload {
  private created = 0;
  private changesLeft: number;
  private readonly live = new LivePool<Task>((task) => task.TaskId);
  private readonly lists: readonly string[];
  private readonly poisonAt: number;

  constructor(
    private readonly tasks: number,
    private readonly random: SeededRandom,
    private readonly stats: WorkloadStats,
  ) {
    this.changesLeft = Math.round(tasks * CHANGES_PER_TASK);
    const listCount = Math.min(40, Math.max(3, Math.round(tasks / 75)));
    this.lists = Array.from(
      { length: listCount },
      (_, i) => LIST_NAMES[i] ?? `list-${String(i + 1).padStart(2, '0')}`,
    );
    this.poisonAt = Math.min(250, Math.floor(tasks / 2));
  }

  /** Steps still to come. */
  get remaining(): number {
    return this.tasks - this.created + this.changesLeft;
  }

  /** The next step at time `nowMs`: a new task, or an edit, move or delete of a live one. */
  step(nowMs: number): Operation[] {
    const create = this.created < this.tasks && (this.live.size < 10 || this.random.chance(0.45));
    if (create || this.changesLeft === 0) return this.createTask(nowMs);
    this.changesLeft--;
    const task = this.liveTask(nowMs);
    return task === undefined ? [] : this.changeTask(task);
  }

  private createTask(nowMs: number): Operation[] {
    if (this.created >= this.tasks) return [];
    const index = this.created++;
    const base = {
      ListId: this.random.pick(this.lists),
      TaskId: `t-${String(index + 1).padStart(5, '0')}`,
      created: new Date(nowMs).toISOString(),
    };
    this.stats.tasks++;
    if (index % 500 === this.poisonAt) {
      this.stats.poisonItems++;
      return [{ kind: 'put', table: 'todoListTask', item: { ...base, description: 404 } }];
    }
    const description = `${this.random.pick(VERBS)} ${this.random.pick(THINGS)}`;
    const task: Task = this.random.chance(0.3)
      ? {
          ...base,
          description,
          expires: Math.floor((nowMs + this.random.int(1, 5) * HOUR_MS) / 1000),
        }
      : { ...base, description };
    if (task.expires !== undefined) this.stats.expiringTasks++;
    this.live.set(task);
    return [{ kind: 'put', table: 'todoListTask', item: task }];
  }

  /** A random task that has not expired yet; expired ones are TTL's business from now on. */
  private liveTask(nowMs: number): Task | undefined {
    while (this.live.size > 0) {
      const task = this.live.at(this.random.int(0, this.live.size - 1));
      if (task.expires === undefined || task.expires * 1000 > nowMs) return task;
      this.live.remove(task);
    }
    return undefined;
  }

  private changeTask(task: Task): Operation[] {
    const roll = this.random.next();
    const key = { ListId: task.ListId, TaskId: task.TaskId };
    if (roll < 0.25) {
      this.live.remove(task);
      this.stats.taskDeletes++;
      return [{ kind: 'delete', table: 'todoListTask', key }];
    }
    if (roll < 0.6) {
      const others = this.lists.filter((list) => list !== task.ListId);
      const moved: Task = { ...task, ListId: this.random.pick(others) };
      this.live.set(moved);
      this.stats.taskMoves++;
      return [{ kind: 'move', table: 'todoListTask', from: key, item: moved }];
    }
    const edited: Task = {
      ...task,
      description: `${this.random.pick(VERBS)} ${this.random.pick(THINGS)}`,
    };
    this.live.set(edited);
    this.stats.taskEdits++;
    return [{ kind: 'put', table: 'todoListTask', item: edited }];
  }
}

/**
 * Runs writes concurrently, up to `limit` at once, while writes that touch the same item run in
 * the order given: the stream then records each item's changes in workload order.
 */
export class OrderedWriter {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly running = new Set<Promise<void>>();
  private failure: unknown;

  constructor(private readonly limit: number) {}

  /** Queues a write; resolves once there is room for another (rejects if an earlier one failed). */
  async add(items: readonly string[], write: () => Promise<void>): Promise<void> {
    if (this.failure !== undefined) throw this.failure;
    const before = Promise.all(items.map((item) => this.tails.get(item)));
    const done: Promise<void> = before.then(write).catch((error: unknown) => {
      this.failure ??= error;
    });
    for (const item of items) this.tails.set(item, done);
    this.running.add(done);
    void done.finally(() => {
      this.running.delete(done);
      for (const item of items) if (this.tails.get(item) === done) this.tails.delete(item);
    });
    while (this.running.size >= this.limit) await Promise.race(this.running);
  }

  /** Waits for every queued write; rejects with the first failure. */
  async flush(): Promise<void> {
    await Promise.all(this.running);
    if (this.failure !== undefined) throw this.failure;
  }
}

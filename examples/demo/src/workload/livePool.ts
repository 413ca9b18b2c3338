/** The items a workload may still change, with O(1) random pick and removal. */
export class LivePool<T> {
  private readonly items: T[] = [];
  private readonly index = new Map<string, number>();

  constructor(private readonly keyOf: (item: T) => string) {}

  get size(): number {
    return this.items.length;
  }

  /** Adds the item, or replaces the one with the same key. */
  set(item: T): void {
    const key = this.keyOf(item);
    const at = this.index.get(key);
    if (at !== undefined) this.items[at] = item;
    else {
      this.index.set(key, this.items.length);
      this.items.push(item);
    }
  }

  remove(item: T): void {
    const key = this.keyOf(item);
    const at = this.index.get(key);
    if (at === undefined) return;
    const last = this.items.pop()!;
    this.index.delete(key);
    if (at < this.items.length) {
      this.items[at] = last;
      this.index.set(this.keyOf(last), at);
    }
  }

  /** The item at a position (0 ≤ position < size). */
  at(position: number): T {
    return this.items[position]!;
  }
}

import type { OrderLine } from '@sluice/example-orders';
import type { SeededRandom } from '@sluice/testing';
import { LivePool } from './livePool.js';
import type { Operation } from './operation.js';
import type { WorkloadStats } from './workloadStats.js';

const PRICES = [199, 450, 999, 1250, 2499, 4999, 12900] as const;
const CHANGES_PER_ORDER = 2;

const put = (item: OrderLine | Record<string, unknown>): Operation => ({
  kind: 'put',
  table: 'orders',
  item,
});

/**
 * Orders as a shop writes them: an order's lines are created together, then lines change
 * quantity, ship, get cancelled or removed. Every `poisonEvery`-th order also gets a line whose
 * quantity is text, which the projections' codec refuses: a poison record.
 */
export class OrderWorkload {
  private created = 0;
  private changesLeft: number;
  private readonly live = new LivePool<OrderLine>((line) => `${line.orderId}/${line.lineId}`);
  private readonly poisonAt: number;

  constructor(
    private readonly orders: number,
    private readonly random: SeededRandom,
    private readonly stats: WorkloadStats,
  ) {
    this.changesLeft = orders * CHANGES_PER_ORDER;
    this.poisonAt = Math.min(199, Math.floor(orders / 2));
  }

  /** Steps still to come. */
  get remaining(): number {
    return this.orders - this.created + this.changesLeft;
  }

  /** The next step: a new order, or a change to a line of an earlier one. */
  step(): Operation[] {
    const create = this.created < this.orders && (this.live.size < 10 || this.random.chance(0.4));
    if (create || this.changesLeft === 0) return this.createOrder();
    this.changesLeft--;
    if (this.live.size === 0) return [];
    return this.changeLine(this.live.at(this.random.int(0, this.live.size - 1)));
  }

  private createOrder(): Operation[] {
    if (this.created >= this.orders) return [];
    const index = this.created++;
    const orderId = `o-${String(index + 1).padStart(5, '0')}`;
    const lines: Operation[] = [];
    const count = this.random.int(1, 4);
    for (let n = 1; n <= count; n++) {
      const line: OrderLine = {
        orderId,
        lineId: `l-${n}`,
        quantity: this.random.int(1, 5),
        unitPrice: this.random.pick(PRICES),
        status: 'open',
      };
      this.live.set(line);
      lines.push(put(line));
    }
    this.stats.orders++;
    this.stats.orderLines += count;
    if (index % 400 === this.poisonAt) {
      // Never touched again, so the poison record stays the only trace of it.
      lines.push(
        put({ orderId, lineId: 'l-9', quantity: 'three', unitPrice: 999, status: 'open' }),
      );
      this.stats.poisonItems++;
    }
    return lines;
  }

  private changeLine(line: OrderLine): Operation[] {
    const roll = this.random.next();
    if (roll < 0.2) {
      this.live.remove(line);
      this.stats.lineDeletes++;
      return [
        { kind: 'delete', table: 'orders', key: { orderId: line.orderId, lineId: line.lineId } },
      ];
    }
    const changed: OrderLine =
      roll < 0.6
        ? { ...line, quantity: Math.max(1, line.quantity + this.random.pick([-1, 1, 2])) }
        : line.status !== 'open'
          ? { ...line, quantity: line.quantity + 1 }
          : { ...line, status: roll < 0.85 ? 'shipped' : 'cancelled' };
    this.live.set(changed);
    this.stats.lineChanges++;
    return [put(changed)];
  }
}

import * as E from 'fp-ts/lib/Either.js';
import type { Lease } from './lease.js';
import {
  applyChange,
  isOwnWrite,
  type LeaseChange,
  type LeaseTable,
  type LeaseTableError,
  type LeaseWriteResult,
} from './leaseTable.js';

const keyOf = (streamArn: string, shardId: string): string => `${streamArn}\u0000${shardId}`;

/**
 * A lease table in memory, with the same conditional semantics as the DynamoDB one (including
 * recognising a repeated write as already done): for tests, and for pollers sharing one process.
 */
export class InMemoryLeaseTable implements LeaseTable {
  private readonly leases = new Map<string, Lease>();

  /** Every lease stored, for assertions in tests. */
  all(): readonly Lease[] {
    return [...this.leases.values()];
  }

  async list(streamArn: string): Promise<E.Either<LeaseTableError, readonly Lease[]>> {
    return E.right(this.all().filter((lease) => lease.streamArn === streamArn));
  }

  async get(
    streamArn: string,
    shardId: string,
  ): Promise<E.Either<LeaseTableError, Lease | undefined>> {
    return E.right(this.leases.get(keyOf(streamArn, shardId)));
  }

  async create(lease: Lease): Promise<E.Either<LeaseTableError, boolean>> {
    const key = keyOf(lease.streamArn, lease.shardId);
    if (this.leases.has(key)) return E.right(false);
    this.leases.set(key, lease);
    return E.right(true);
  }

  async write(
    expected: Lease,
    change: LeaseChange,
  ): Promise<E.Either<LeaseTableError, LeaseWriteResult>> {
    const key = keyOf(expected.streamArn, expected.shardId);
    const current = this.leases.get(key);
    if (current !== undefined && isOwnWrite(current, expected, change))
      return E.right({ _tag: 'Written', lease: current });
    if (
      current === undefined ||
      current.leaseCounter !== expected.leaseCounter ||
      current.owner !== expected.owner
    )
      return E.right({ _tag: 'Conflict', current });
    const next = applyChange(current, change);
    this.leases.set(key, next);
    return E.right({ _tag: 'Written', lease: next });
  }

  async requestHandoff(expected: Lease, to: string): Promise<E.Either<LeaseTableError, boolean>> {
    const key = keyOf(expected.streamArn, expected.shardId);
    const current = this.leases.get(key);
    if (current?.owner === undefined || current.owner !== expected.owner) return E.right(false);
    if (current.handoffTo !== undefined) return E.right(false);
    this.leases.set(key, { ...current, handoffTo: to });
    return E.right(true);
  }

  async remove(expected: Lease): Promise<E.Either<LeaseTableError, boolean>> {
    const key = keyOf(expected.streamArn, expected.shardId);
    if (this.leases.get(key)?.leaseCounter !== expected.leaseCounter) return E.right(false);
    this.leases.delete(key);
    return E.right(true);
  }
}

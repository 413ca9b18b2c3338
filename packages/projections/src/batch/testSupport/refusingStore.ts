import * as E from 'fp-ts/lib/Either.js';
import type { FaultKind } from '../../memory/injectedFault.js';
import type { InMemoryProjectionStore } from '../../memory/inMemoryProjectionStore.js';
import type { Write } from '../../plan/write.js';
import type { ProjectionStore } from '../../store/projectionStore.js';
import { applyFailed } from '../../store/storeError.js';

/**
 * An in-memory store that refuses some writes for good, as DynamoDB refuses an item over 400 KB
 * with a ValidationException: it applies the other writes and lists the refused ones as
 * unconfirmed. Transient faults are armed on the inner store as usual.
 */
export const refusingStore = (
  inner: InMemoryProjectionStore,
  refuses: (write: Write) => boolean,
): ProjectionStore & { failAfter(writes: number, kind: FaultKind): void; clearFault(): void } => ({
  failAfter: (writes, kind) => inner.failAfter(writes, kind),
  clearFault: () => inner.clearFault(),
  scan: (table) => inner.scan(table),
  apply: async (batch) => {
    const refused = batch.writes.flatMap((write, index) => (refuses(write) ? [index] : []));
    if (refused.length === 0) return inner.apply(batch);
    const kept = batch.writes.flatMap((_, index) => (refused.includes(index) ? [] : [index]));
    const applied = await inner.apply({
      writes: kept.map((index) => batch.writes[index]!),
      origins: kept.map((index) => batch.origins[index]!),
    });
    if (E.isLeft(applied))
      return E.left({
        ...applied.left,
        unconfirmed: [...refused, ...applied.left.unconfirmed.map((i) => kept[i]!)].sort(
          (a, b) => a - b,
        ),
      });
    return E.left(
      applyFailed(refused, {
        _tag: 'DynamoDbRequestFailed',
        message:
          'BatchWriteItem on history failed: ValidationException: Item size has exceeded the maximum allowed size',
        cause: {
          name: 'ValidationException',
          message: 'Item size has exceeded the maximum allowed size',
        },
      } as never),
    );
  },
});

import * as E from 'fp-ts/lib/Either.js';
import type { HeldLease } from './heldLease.js';
import { emit, leaseTableFailed, type PollerState } from './pollerState.js';

const renew = async (state: PollerState, lease: HeldLease): Promise<void> => {
  if (lease.lost) return;
  const { leaseTable, clock, workerId } = state.settings;
  const renewed = await lease.write(leaseTable, clock, { owner: workerId });
  if (E.isLeft(renewed)) return leaseTableFailed(state, renewed.left);
  if (renewed.right === 'lost')
    // The reader learns it from `lost` and stops after the batch in hand, without a checkpoint.
    emit(state, {
      _tag: 'LeaseLost',
      shardId: lease.shardId,
      reason: 'renewal refused: taken over',
    });
};

/** Renews every held lease each renewal interval, until every reader is done. */
export const renewLeases = async (state: PollerState): Promise<void> => {
  const { clock, renewIntervalMs } = state.settings;
  while (!state.readersDone) {
    await state.renewer.sleep(clock, renewIntervalMs);
    if (state.readersDone) return;
    await Promise.all([...state.held.values()].map((lease) => renew(state, lease)));
  }
};

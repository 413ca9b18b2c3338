/** Thrown by an in-memory store armed with a crash: stands for the process dying mid-batch. */
export class SimulatedCrash extends Error {
  override readonly name = 'SimulatedCrash';
}

/** What happens when an armed fault fires: the process "dies" (throw) or the store reports failure. */
export type FaultKind = 'crash' | 'fail';

/** A fault armed to fire before the write that would come after `remaining` more writes. */
export interface ArmedFault {
  remaining: number;
  readonly kind: FaultKind;
}

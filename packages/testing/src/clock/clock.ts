/** A source of the current time; the table, the stream and the delivery driver read time only through it. */
export interface Clock {
  /** The current instant. */
  now(): Date;
  /** The current instant in epoch milliseconds, if the clock can say so without a `Date`. */
  nowMs?(): number;
}

/** The clock's current epoch milliseconds, cheaply when it offers `nowMs`. */
export const epochMs = (clock: Clock): number =>
  clock.nowMs ? clock.nowMs() : clock.now().getTime();

/** The wall clock, for code that runs outside tests. */
export const systemClock: Clock = { now: () => new Date(), nowMs: () => Date.now() };

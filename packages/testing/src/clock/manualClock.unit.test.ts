import { describe, expect, it } from 'vitest';
import { ManualClock } from './manualClock.js';

describe('ManualClock', () => {
  it('starts at 2024-01-01T00:00:00Z unless told otherwise', () => {
    expect(new ManualClock().now().toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(new ManualClock(new Date('2030-05-06T07:08:09Z')).nowMs()).toBe(
      Date.parse('2030-05-06T07:08:09Z'),
    );
  });

  it('moves only when advanced or set', () => {
    const clock = new ManualClock(0);
    expect(clock.now().getTime()).toBe(0);
    clock.advance(1500).advance(500);
    expect(clock.nowMs()).toBe(2000);
    clock.set(new Date(10_000));
    expect(clock.nowMs()).toBe(10_000);
    clock.set(5);
    expect(clock.nowMs()).toBe(5);
  });

  it('hands out fresh dates, so mutating one does not move the clock', () => {
    const clock = new ManualClock(0);
    clock.now().setTime(99);
    expect(clock.nowMs()).toBe(0);
  });

  it('rejects moving backwards through advance and invalid instants', () => {
    const clock = new ManualClock(0);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.set(new Date('nope'))).toThrow(RangeError);
  });
});

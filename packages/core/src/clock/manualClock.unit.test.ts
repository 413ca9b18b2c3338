import { describe, expect, it } from 'vitest';
import { ManualClock } from './manualClock.js';

describe('ManualClock', () => {
  it('starts at 2024-01-01T00:00:00Z unless told otherwise', () => {
    expect(new Date(new ManualClock().now()).toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(new ManualClock(new Date('2030-05-06T07:08:09Z')).now()).toBe(
      Date.parse('2030-05-06T07:08:09Z'),
    );
  });

  it('moves only when advanced or set', () => {
    const clock = new ManualClock(0);
    expect(clock.now()).toBe(0);
    clock.advance(1500).advance(500);
    expect(clock.now()).toBe(2000);
    clock.set(new Date(10_000));
    expect(clock.now()).toBe(10_000);
    clock.set(5);
    expect(clock.now()).toBe(5);
  });

  it('rejects moving backwards through advance and invalid instants', () => {
    const clock = new ManualClock(0);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.set(new Date('nope'))).toThrow(RangeError);
  });

  it('ends a sleep only once time reaches it, in the order the sleeps are due', async () => {
    const clock = new ManualClock(0);
    const woke: string[] = [];
    void clock.sleep(300).then(() => woke.push('late'));
    void clock.sleep(100).then(() => woke.push('early'));
    clock.advance(99);
    await Promise.resolve();
    expect(woke).toEqual([]);
    clock.advance(150);
    await new Promise((resolve) => setImmediate(resolve));
    expect(woke).toEqual(['early']);
    clock.set(300);
    await new Promise((resolve) => setImmediate(resolve));
    expect(woke).toEqual(['early', 'late']);
  });

  it('ends a sleep early when its signal aborts, without moving time', async () => {
    const clock = new ManualClock(0);
    const controller = new AbortController();
    const slept = clock.sleep(60_000, controller.signal);
    controller.abort();
    await slept;
    expect(clock.now()).toBe(0);
    await clock.sleep(1, controller.signal);
  });

  it('runUntil jumps from sleeper to sleeper until the condition holds', async () => {
    const clock = new ManualClock(0);
    let ticks = 0;
    const tick = async (): Promise<void> => {
      for (;;) {
        await clock.sleep(1_000);
        ticks++;
      }
    };
    void tick();
    await clock.runUntil(() => ticks === 3, 10_000);
    expect(clock.now()).toBe(3_000);
    await expect(clock.runUntil(() => ticks === 100, 5_000)).rejects.toThrow(/5000 ms/);
  });

  it('runFor lets exactly that much time pass, waking what is due meanwhile', async () => {
    const clock = new ManualClock(0);
    let woke = false;
    void clock.sleep(1_500).then(() => {
      woke = true;
    });
    await clock.runFor(1_000);
    expect([clock.now(), woke]).toEqual([1_000, false]);
    await clock.runFor(1_000);
    expect([clock.now(), woke]).toEqual([2_000, true]);
  });
});

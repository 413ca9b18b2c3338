import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it, vi } from 'vitest';
import { installSignalHandlers } from './installSignalHandlers.js';

describe('installSignalHandlers', () => {
  it('stops the poller once per signal burst, then runs onStopped; uninstalling removes the handler', async () => {
    const stop = vi.fn(async () => E.right(undefined));
    let stopped = 0;
    const uninstall = installSignalHandlers(
      { stop },
      { signals: ['SIGUSR2'], exit: false, onStopped: () => void stopped++ },
    );
    process.emit('SIGUSR2', 'SIGUSR2');
    process.emit('SIGUSR2', 'SIGUSR2');
    await vi.waitFor(() => expect(stopped).toBe(1));
    expect(stop).toHaveBeenCalledTimes(1);
    const before = process.listenerCount('SIGUSR2');
    uninstall();
    expect(process.listenerCount('SIGUSR2')).toBe(before - 1);
  });

  it('exits 0 after a clean stop and 1 when the poller had failed', async () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const clean = installSignalHandlers(
      { stop: async () => E.right(undefined) },
      { signals: ['SIGUSR2'] },
    );
    process.emit('SIGUSR2', 'SIGUSR2');
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(0));
    clean();
    const failed = installSignalHandlers(
      {
        stop: async () =>
          E.left({ _tag: 'ProcessorThrew' as const, shardId: 's', message: 'boom' }),
      },
      { signals: ['SIGUSR2'] },
    );
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    process.emit('SIGUSR2', 'SIGUSR2');
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(1));
    failed();
    exit.mockRestore();
    stderr.mockRestore();
  });
});

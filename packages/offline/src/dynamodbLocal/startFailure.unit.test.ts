import { describe, expect, it } from 'vitest';
import { type FailedLaunch, startFailure } from './startFailure.js';

const launch = (overrides: Partial<FailedLaunch>): FailedLaunch => ({
  java: 'java',
  port: 8000,
  endpoint: 'http://127.0.0.1:8000',
  timeoutMs: 100,
  output: '',
  spawnError: undefined,
  exit: undefined,
  ...overrides,
});

describe('startFailure', () => {
  it('names each way a launch can fail, first the one that explains the others', () => {
    const enoent = Object.assign(new Error('spawn java ENOENT'), { code: 'ENOENT' });
    const cases: [Partial<FailedLaunch>, string, RegExp][] = [
      [{ spawnError: enoent, exit: { code: 1, signal: null } }, 'JavaMissing', /Cannot run/],
      [{ spawnError: new Error('EACCES') }, 'ProcessExited', /EACCES/],
      [
        {
          output: 'java.net.BindException: Address already in use',
          exit: { code: 1, signal: null },
        },
        'PortInUse',
        /8000 is taken/,
      ],
      [{ output: 'UnsupportedClassVersionError' }, 'JavaMissing', /too old/],
      [{ exit: { code: 1, signal: null } }, 'ProcessExited', /code 1/],
      [{}, 'NotReady', /within 100 ms/],
    ];
    for (const [overrides, reason, message] of cases) {
      const error = startFailure(launch(overrides));
      expect([error.reason, error.message]).toEqual([reason, expect.stringMatching(message)]);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { FULL_SIZES, MEASUREMENTS, parseBenchArgs, QUICK_SIZES } from './benchOptions.js';

const parse = (...argv: string[]) => parseBenchArgs(argv, '/repo/BENCHMARKS.md');

describe('parseBenchArgs', () => {
  it('runs everything at full size and writes BENCHMARKS.md by default', () => {
    expect(parse()).toEqual({
      ok: true,
      options: {
        quick: false,
        sizes: FULL_SIZES,
        only: [...MEASUREMENTS],
        out: '/repo/BENCHMARKS.md',
        endpoint: undefined,
      },
    });
  });

  it('keeps issue 7’s minimum sizes in the full run', () => {
    expect(FULL_SIZES.throughput.records).toBe(10_000);
    expect(FULL_SIZES.throughput.rounds).toBeGreaterThanOrEqual(15);
    expect(FULL_SIZES.coldStart.imports).toBeGreaterThanOrEqual(20);
    expect(FULL_SIZES.replay.changes).toBe(1_000_000);
  });

  it('shrinks sizes with --quick and then only prints, unless --out is given', () => {
    const quick = parse('--', '--quick');
    expect(quick.ok && quick.options.sizes).toBe(QUICK_SIZES);
    expect(quick.ok && quick.options.out).toBeUndefined();
    const out = parse('--quick', '--out', 'q.md');
    expect(out.ok && out.options.out).toBe('q.md');
  });

  it('takes a subset with --only and an endpoint with --endpoint=', () => {
    const parsed = parse('--only=cost,lag', '--endpoint=http://127.0.0.1:8000', '--no-write');
    expect(parsed.ok && parsed.options).toMatchObject({
      only: ['cost', 'lag'],
      endpoint: 'http://127.0.0.1:8000',
      out: undefined,
    });
  });

  it('answers --help with the usage, and an unknown option or measurement with a problem', () => {
    const help = parse('--help');
    expect(!help.ok && help.problem._tag).toBe('Help');
    const unknown = parse('--fast');
    expect(!unknown.ok && unknown.problem).toMatchObject({ _tag: 'BadArgument' });
    const measurement = parse('--only', 'speed');
    expect(!measurement.ok && measurement.problem.message).toContain('--only takes');
  });
});

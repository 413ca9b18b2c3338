import * as t from 'io-ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileImageDecoder } from './compileImageDecoder.js';
import { MISS } from './decoderRuntime.js';

describe('compileImageDecoder', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('keeps attribute names that look like code as plain data', () => {
    const names = [
      'a"b',
      "c'd",
      'e\nf',
      `\`$\{x}\``,
      '\\',
      'constructor',
      'toString',
      '\u2028',
      'ü',
    ];
    const codec = t.type(Object.fromEntries(names.map((name) => [name, t.string])));
    const decode = compileImageDecoder(codec);
    const map = Object.fromEntries(names.map((name) => [name, { S: name }]));
    expect(decode?.(map, 'fail')).toStrictEqual(Object.fromEntries(names.map((n) => [n, n])));
  });

  it('declines a codec declaring __proto__, which a plain object cannot hold safely', () => {
    // An own `__proto__` property, as JSON.parse makes one.
    const props = JSON.parse('{"__proto__": null}') as object;
    Object.defineProperty(props, '__proto__', { value: t.string, enumerable: true });
    const codec = t.type(props as unknown as Record<string, t.Mixed>);
    expect(Object.keys(codec.props)).toStrictEqual(['__proto__']);
    const decode = compileImageDecoder(codec);
    expect(decode?.(JSON.parse('{"__proto__":{"S":"x"}}'), 'fail')).toBe(MISS);
  });

  it('gives up (the slow path decodes) where generating code is forbidden', () => {
    vi.stubGlobal('Function', () => {
      throw new EvalError('Code generation from strings disallowed for this context');
    });
    expect(compileImageDecoder(t.type({ id: t.string }))).toBeUndefined();
  });
});

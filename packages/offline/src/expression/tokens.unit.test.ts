import { describe, expect, it } from 'vitest';
import { javaHashOrder } from './javaHashOrder.js';
import { isReservedWord, reservedWords } from './reservedWords.js';
import { tokenize } from './tokens.js';

describe('tokenize', () => {
  it('splits names, placeholders, indexes and operators, ending with <EOF>', () => {
    const tokens = tokenize(' a.#b[12] <>:v_1,size(c)>=d ');
    expect(tokens.map((t) => `${t.kind}:${t.text}`)).toEqual([
      'identifier:a',
      'symbol:.',
      'name:#b',
      'symbol:[',
      'number:12',
      'symbol:]',
      'symbol:<>',
      'value::v_1',
      'symbol:,',
      'identifier:size',
      'symbol:(',
      'identifier:c',
      'symbol:)',
      'symbol:>=',
      'identifier:d',
      'end:<EOF>',
    ]);
  });

  it('keeps characters it does not know as single invalid tokens', () => {
    expect(tokenize('a$b').map((t) => t.kind)).toEqual([
      'identifier',
      'invalid',
      'identifier',
      'end',
    ]);
  });
});

describe('reserved words', () => {
  it("holds DynamoDB's 573 words, matched in any case", () => {
    expect(reservedWords.size).toBe(573);
    expect(isReservedWord('name')).toBe(true);
    expect(isReservedWord('Status')).toBe(true);
    expect(isReservedWord('userId')).toBe(false);
  });
});

describe('javaHashOrder', () => {
  it('orders keys as a java.util.HashSet iterates them (as DynamoDB lists unused placeholders)', () => {
    expect(javaHashOrder(['#b', '#a'])).toEqual(['#a', '#b']);
    expect(javaHashOrder([':a', ':p'])).toEqual([':p', ':a']);
    expect(javaHashOrder([':w', ':x'])).toEqual([':w', ':x']);
  });
});

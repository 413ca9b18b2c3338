import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { defaultOptions } from './demoOptions.js';
import { parseArgs } from './parseArgs.js';

const message = (args: string[]) => {
  const parsed = parseArgs(args);
  return E.isLeft(parsed) ? parsed.left.message : 'accepted';
};

describe('the demo’s arguments', () => {
  it('default to thousands of orders and tasks in memory', () => {
    expect(parseArgs([])).toEqual(E.right({ _tag: 'Run', options: defaultOptions }));
  });

  it('read sizes, seed and engine in either form, and skip a forwarded `--`', () => {
    expect(
      parseArgs(['--', '--orders', '50', '--tasks=60', '--seed', '0', '--dynamodb-local']),
    ).toEqual(
      E.right({ _tag: 'Run', options: { orders: 50, tasks: 60, seed: 0, dynamodbLocal: true } }),
    );
  });

  it('choose smaller sizes for DynamoDB Local unless told otherwise', () => {
    expect(parseArgs(['--dynamodb-local', '--tasks', '80'])).toEqual(
      E.right({
        _tag: 'Run',
        options: { orders: 300, tasks: 80, seed: 42, dynamodbLocal: true },
      }),
    );
  });

  it('ask for help with --help or -h, whatever else is there', () => {
    expect(parseArgs(['--orders', '5', '-h'])).toEqual(E.right({ _tag: 'Help' }));
    expect(parseArgs(['--help', '--nonsense'])).toEqual(E.right({ _tag: 'Help' }));
  });

  it('reject what they do not understand, saying what is wrong', () => {
    expect(message(['--order', '5'])).toBe('unknown option --order');
    expect(message(['demo'])).toBe('unexpected argument "demo"');
    expect(message(['--orders'])).toBe('--orders needs a number, e.g. --orders 100');
    expect(message(['--orders', '--tasks', '5'])).toBe(
      '--orders needs a number, e.g. --orders 100',
    );
    expect(message(['--tasks', 'many'])).toBe('--tasks expects a whole number, got "many"');
    expect(message(['--tasks', '2.5'])).toBe('--tasks expects a whole number, got "2.5"');
    expect(message(['--orders', '0'])).toBe('--orders must be from 1 to 200000, got 0');
    expect(message(['--seed=-1'])).toBe('--seed expects a whole number, got "-1"');
    expect(message(['--dynamodb-local=yes'])).toBe('--dynamodb-local takes no value');
  });
});

import * as E from 'fp-ts/lib/Either.js';
import { type DemoOptions, defaultOptions, dynamodbLocalSizes, MAX_SIZE } from './demoOptions.js';

/** What the command line asks for. */
export type DemoCommand =
  | { readonly _tag: 'Help' }
  | { readonly _tag: 'Run'; readonly options: DemoOptions };

/** A command line the demo does not understand; `message` says what to change. */
export interface BadArguments {
  readonly _tag: 'BadArguments';
  readonly message: string;
}

const bad = (message: string): E.Either<BadArguments, never> =>
  E.left({ _tag: 'BadArguments', message });

const NUMBERS = {
  '--orders': { field: 'orders', min: 1, max: MAX_SIZE },
  '--tasks': { field: 'tasks', min: 1, max: MAX_SIZE },
  '--seed': { field: 'seed', min: 0, max: 4_294_967_295 },
} as const;

type NumberOption = keyof typeof NUMBERS;
const isNumberOption = (name: string): name is NumberOption => Object.hasOwn(NUMBERS, name);

const parseNumber = (
  name: NumberOption,
  text: string | undefined,
): E.Either<BadArguments, number> => {
  const { min, max } = NUMBERS[name];
  if (text === undefined || text === '' || text.startsWith('--'))
    return bad(`${name} needs a number, e.g. ${name} 100`);
  if (!/^\d+$/.test(text)) return bad(`${name} expects a whole number, got "${text}"`);
  const value = Number(text);
  if (value < min || value > max) return bad(`${name} must be from ${min} to ${max}, got ${text}`);
  return E.right(value);
};

/**
 * Reads the demo's arguments (`--orders 500` or `--orders=500`). A lone `--`, as some ways of
 * running scripts forward, is skipped.
 */
export const parseArgs = (args: readonly string[]): E.Either<BadArguments, DemoCommand> => {
  const options: { -readonly [K in keyof DemoOptions]: DemoOptions[K] } = { ...defaultOptions };
  const given = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') continue;
    if (arg === '--help' || arg === '-h') return E.right({ _tag: 'Help' });
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    if (name === '--dynamodb-local') {
      if (inline !== undefined) return bad('--dynamodb-local takes no value');
      options.dynamodbLocal = true;
    } else if (isNumberOption(name)) {
      const text = inline ?? args[++i];
      const value = parseNumber(name, text);
      if (E.isLeft(value)) return value;
      options[NUMBERS[name].field] = value.right;
      given.add(NUMBERS[name].field);
    } else {
      return bad(arg.startsWith('-') ? `unknown option ${name}` : `unexpected argument "${arg}"`);
    }
  }
  if (options.dynamodbLocal)
    for (const size of ['orders', 'tasks'] as const)
      if (!given.has(size)) options[size] = dynamodbLocalSizes[size];
  return E.right({ _tag: 'Run', options });
};

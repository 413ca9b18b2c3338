import { type AttributeValue, setAttribute } from '../item/attributeMap.js';
import { valueSize } from './attributeSize.js';
import { validationException } from './dynamoDbErrors.js';
import {
  canonicalIntegerSize,
  compareDynamoNumbers,
  dynamoNumberSize,
  formatDynamoNumber,
  parseDynamoNumber,
} from './dynamoNumber.js';
import { compareSignedBytes } from './keyOrder.js';
import { utf8Length } from './utf8Length.js';

/** Running size of the value being admitted, in DynamoDB's item-size bytes. */
export interface SizeCounter {
  size: number;
}

const MAX_DEPTH = 32;
const NUMBER_MESSAGES = {
  notANumber: 'A value provided cannot be converted into a number',
  precision: 'DynamoDB only supports precision up to 38 digits',
  overflow:
    'Number overflow. Attempting to store a number with magnitude larger than supported range',
  underflow:
    'Number underflow. Attempting to store a number with magnitude smaller than supported range',
} as const;

const invalid = (message: string) =>
  validationException(`One or more parameter values were invalid: ${message}`);

/** Canonical text of a number string, counting its size; throws DynamoDB's ValidationException. */
export const admitNumber = (text: unknown, counter: SizeCounter): string => {
  if (typeof text !== 'string') throw validationException(NUMBER_MESSAGES.notANumber);
  const fast = canonicalIntegerSize(text);
  if (fast > 0) {
    counter.size += fast;
    return text;
  }
  const parsed = parseDynamoNumber(text);
  if (typeof parsed === 'string') throw validationException(NUMBER_MESSAGES[parsed]);
  counter.size += dynamoNumberSize(parsed);
  return formatDynamoNumber(parsed);
};

const admitBinary = (bytes: unknown, counter: SizeCounter): Uint8Array => {
  if (!(bytes instanceof Uint8Array)) throw invalid('Binary values must be Uint8Array');
  counter.size += bytes.byteLength;
  // A private copy: the caller may reuse its buffer, and typed arrays cannot be frozen.
  return new Uint8Array(bytes);
};

const EMPTY =
  'Supplied AttributeValue is empty, must contain exactly one of the supported datatypes';

/** The one type tag set on an AttributeValue; throws DynamoDB's errors for none or several. */
const typeOf = (value: unknown): string => {
  if (typeof value !== 'object' || value === null) throw validationException(EMPTY);
  let found: string | undefined;
  for (const key in value) {
    if ((value as Record<string, unknown>)[key] === undefined) continue;
    if (found !== undefined) {
      throw validationException(
        'Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes',
      );
    }
    found = key;
  }
  if (found === undefined) throw validationException(EMPTY);
  return found;
};

const admitSet = <T>(
  values: unknown,
  owned: boolean,
  label: string,
  admit: (v: unknown) => T,
  key: (v: T) => string,
  compare: (a: T, b: T) => number,
): T[] => {
  if (!Array.isArray(values)) throw invalid(`${label} must be an array`);
  if (values.length === 0) {
    throw invalid(
      label === 'Binary set'
        ? 'Binary sets should not be empty'
        : `An ${label.toLowerCase()}  may not be empty`,
    );
  }
  const admitted: T[] = owned ? values : new Array(values.length);
  for (let i = 0; i < values.length; i++) admitted[i] = admit(values[i]);
  // DynamoDB sets are unordered; sorting gives one canonical form (and DynamoDB Local's order).
  admitted.sort(compare);
  for (let i = 1; i < admitted.length; i++) {
    if (key(admitted[i] as T) === key(admitted[i - 1] as T)) {
      throw invalid(`Input collection [${values.join(', ')}] contains duplicates`);
    }
  }
  return Object.freeze(admitted) as T[];
};

const latin1 = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

/** Canonicalizes an owned AttributeValue in place and freezes it. */
const adopt = (target: Record<string, unknown>, type: string, member: unknown): AttributeValue => {
  target[type] = member;
  return Object.freeze(target) as unknown as AttributeValue;
};

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const same = (v: string): string => v;

/**
 * Validates one AttributeValue and returns its canonical, frozen form: numbers normalized, sets
 * sorted and checked for duplicates, binary copied. Adds its size to `counter`. With `owned`
 * (the value was just built for us, e.g. by `marshall`) it is canonicalized and frozen in place
 * instead of copied; otherwise the caller keeps its objects untouched.
 */
export const admitValue = (
  value: unknown,
  counter: SizeCounter,
  depth = 0,
  owned = false,
): AttributeValue => {
  if (depth > MAX_DEPTH) throw validationException('Nesting Levels have exceeded supported limits');
  // In an owned tree a frozen value can only be one we admitted before: reuse it as it is.
  if (owned && Object.isFrozen(value)) {
    counter.size += valueSize(value as AttributeValue);
    return value as AttributeValue;
  }
  const type = typeOf(value);
  const target = value as Record<string, unknown>;
  const raw = target[type];
  switch (type) {
    case 'S':
      if (typeof raw !== 'string') throw invalid('String values must be strings');
      counter.size += utf8Length(raw);
      return owned ? adopt(target, type, raw) : Object.freeze({ S: raw });
    case 'N': {
      const N = admitNumber(raw, counter);
      return owned ? adopt(target, type, N) : Object.freeze({ N });
    }
    case 'B': {
      const B = admitBinary(raw, counter);
      return owned ? adopt(target, type, B) : Object.freeze({ B });
    }
    case 'BOOL':
      if (typeof raw !== 'boolean') throw invalid('BOOL values must be booleans');
      counter.size += 1;
      return owned ? adopt(target, type, raw) : Object.freeze({ BOOL: raw });
    case 'NULL':
      if (raw !== true) throw invalid('Null attribute value types must have the value of true');
      counter.size += 1;
      return owned ? adopt(target, type, true) : Object.freeze({ NULL: true });
    case 'SS': {
      const admit = (v: unknown) => {
        if (typeof v !== 'string') throw invalid('String set members must be strings');
        counter.size += utf8Length(v);
        return v;
      };
      const SS = admitSet(raw, owned, 'String set', admit, same, compareStrings);
      return owned ? adopt(target, type, SS) : Object.freeze({ SS });
    }
    case 'NS': {
      const admit = (v: unknown) => admitNumber(v, counter);
      const NS = admitSet(raw, owned, 'Number set', admit, same, compareNumberText);
      return owned ? adopt(target, type, NS) : Object.freeze({ NS });
    }
    case 'BS': {
      const admit = (v: unknown) => admitBinary(v, counter);
      const BS = admitSet(raw, owned, 'Binary set', admit, latin1, compareSignedBytes);
      return owned ? adopt(target, type, BS) : Object.freeze({ BS });
    }
    case 'L': {
      if (!Array.isArray(raw)) throw invalid('L values must be arrays');
      counter.size += 3 + raw.length;
      const list: AttributeValue[] = owned ? raw : new Array(raw.length);
      for (let i = 0; i < raw.length; i++) list[i] = admitValue(raw[i], counter, depth + 1, owned);
      const L = Object.freeze(list) as AttributeValue[];
      return owned ? adopt(target, type, L) : Object.freeze({ L });
    }
    case 'M': {
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        throw invalid('M values must be objects');
      }
      counter.size += 3;
      const M = admitAttributes(raw as Record<string, unknown>, counter, depth + 1, owned);
      return owned ? adopt(target, type, M) : Object.freeze({ M });
    }
    default:
      throw validationException(`Supplied AttributeValue has an unsupported datatype: ${type}`);
  }
};

/** Validates a map of attributes (an item or an `M` value) into its frozen canonical form. */
export const admitAttributes = (
  attributes: Record<string, unknown>,
  counter: SizeCounter,
  depth = 0,
  owned = false,
): Record<string, AttributeValue> => {
  // Reuse an owned map only if nothing odd happened to it (a `__proto__` key set its prototype).
  const inPlace = owned && Object.getPrototypeOf(attributes) === Object.prototype;
  const out: Record<string, unknown> = inPlace ? attributes : {};
  for (const name of Object.keys(attributes)) {
    if (name === '') throw validationException('Empty attribute name');
    const value = attributes[name];
    if (value === undefined) {
      if (inPlace) delete out[name];
      continue;
    }
    counter.size += utf8Length(name) + (depth > 0 ? 1 : 0);
    setAttribute(out, name, admitValue(value, counter, depth, owned));
  }
  return Object.freeze(out) as Record<string, AttributeValue>;
};

const compareNumberText = (a: string, b: string): number => {
  const x = parseDynamoNumber(a);
  const y = parseDynamoNumber(b);
  return typeof x === 'string' || typeof y === 'string' ? 0 : compareDynamoNumbers(x, y);
};

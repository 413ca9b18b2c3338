import { describe, expect, it } from 'vitest';
import { admitAttributes, admitValue } from './admitValue.js';

const sizeOf = (item: Record<string, unknown>): number => {
  const counter = { size: 0 };
  admitAttributes(item, counter);
  return counter.size;
};

const bytes = (...values: number[]) => new Uint8Array(values);

const rejection = (value: unknown): string => {
  try {
    admitValue(value, { size: 0 });
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
  return 'accepted';
};

describe('admitting attribute values', () => {
  it('sizes items like DynamoDB Local: names plus values, 3 bytes per map or list and 1 per element', () => {
    // Item sizes read from DynamoDB Local 3.3 (SizeBytes of NEW_IMAGE records minus the keys).
    expect(sizeOf({ pk: { S: 'k1' }, a: { S: 'hello' } })).toBe(10);
    expect(sizeOf({ pk: { S: 'k1' }, a: { S: 'héllo€' } })).toBe(14);
    expect(sizeOf({ pk: { S: 'k1' }, b: { B: bytes(1, 2, 3) } })).toBe(8);
    expect(sizeOf({ pk: { S: 'k1' }, t: { BOOL: true } })).toBe(6);
    expect(sizeOf({ pk: { S: 'k1' }, t: { NULL: true } })).toBe(6);
    expect(sizeOf({ pk: { S: 'k1' }, m: { M: {} } })).toBe(8);
    expect(sizeOf({ pk: { S: 'k1' }, m: { L: [] } })).toBe(8);
    expect(sizeOf({ pk: { S: 'k1' }, m: { M: { x: { S: 'y' } } } })).toBe(11);
    expect(sizeOf({ pk: { S: 'k1' }, m: { L: [{ S: 'y' }, { N: '1' }] } })).toBe(13);
    expect(
      sizeOf({ pk: { S: 'k1' }, m: { M: { x: { M: { yy: { L: [{ NULL: true }] } } } } } }),
    ).toBe(21);
    expect(sizeOf({ pk: { S: 'k1' }, ss: { SS: ['b', 'a', 'ccc'] } })).toBe(11);
    expect(sizeOf({ pk: { S: 'k1' }, ns: { NS: ['10', '2', '-3', '1.5'] } })).toBe(16);
    expect(sizeOf({ pk: { S: 'k1' }, bs: { BS: [bytes(3), bytes(1, 2)] } })).toBe(9);
    expect(sizeOf({ pk: { S: 'k1' }, e: { S: '' } })).toBe(5);
  });

  it('stores sets in one canonical order (DynamoDB Local order): strings by UTF-16, numbers by value, binary by signed bytes', () => {
    expect(admitValue({ SS: ['z', 'é', '\uffff', '😀', 'Z', 'a'] }, { size: 0 })).toEqual({
      SS: ['Z', 'a', 'z', 'é', '😀', '\uffff'],
    });
    expect(admitValue({ NS: ['10', '2', '-3', '1.50'] }, { size: 0 })).toEqual({
      NS: ['-3', '1.5', '2', '10'],
    });
    expect(
      admitValue({ BS: [bytes(1), bytes(0x80), bytes(0xff, 0), bytes()] }, { size: 0 }),
    ).toEqual({
      BS: [bytes(), bytes(0x80), bytes(0xff, 0), bytes(1)],
    });
  });

  it('returns frozen copies that the caller can no longer change', () => {
    const input = { M: { list: { L: [{ S: 'a' }] } } };
    const admitted = admitValue(input, { size: 0 });
    input.M.list.L.push({ S: 'b' });
    expect(admitted).toEqual({ M: { list: { L: [{ S: 'a' }] } } });
    expect(Object.isFrozen(admitted.M)).toBe(true);
    expect(() => {
      (admitted.M as Record<string, unknown>).x = 1;
    }).toThrow(TypeError);
  });

  it('keeps an attribute named __proto__ as data, never as a prototype', () => {
    const item = JSON.parse('{"__proto__": {"S": "x"}, "a": {"S": "y"}}') as Record<
      string,
      unknown
    >;
    const admitted = admitAttributes(item, { size: 0 });
    expect(Object.getPrototypeOf(admitted)).toBe(Object.prototype);
    expect(Object.keys(admitted)).toEqual(['__proto__', 'a']);
    expect(Object.getOwnPropertyDescriptor(admitted, '__proto__')?.value).toEqual({ S: 'x' });
  });

  it('rejects malformed values with DynamoDB ValidationException messages', () => {
    expect(rejection({})).toBe(
      'ValidationException: Supplied AttributeValue is empty, must contain exactly one of the supported datatypes',
    );
    expect(rejection({ S: 'x', N: '1' })).toBe(
      'ValidationException: Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes',
    );
    expect(rejection({ SS: [] })).toBe(
      'ValidationException: One or more parameter values were invalid: An string set  may not be empty',
    );
    expect(rejection({ NS: [] })).toBe(
      'ValidationException: One or more parameter values were invalid: An number set  may not be empty',
    );
    expect(rejection({ BS: [] })).toBe(
      'ValidationException: One or more parameter values were invalid: Binary sets should not be empty',
    );
    expect(rejection({ SS: ['a', 'a'] })).toBe(
      'ValidationException: One or more parameter values were invalid: Input collection [a, a] contains duplicates',
    );
    expect(rejection({ NS: ['1', '1.0'] })).toMatch(/contains duplicates/);
    expect(rejection({ N: 'abc' })).toBe(
      'ValidationException: A value provided cannot be converted into a number',
    );
    expect(rejection({ N: '1e126' })).toMatch(/^ValidationException: Number overflow/);
    expect(rejection({ NULL: false })).toBe(
      'ValidationException: One or more parameter values were invalid: Null attribute value types must have the value of true',
    );
    expect(rejection({ M: { '': { S: 'x' } } })).toBe('ValidationException: Empty attribute name');
    expect(rejection({ L: [{ SS: [] }] })).toMatch(/may not be empty/);
    let deep: unknown = { S: 'leaf' };
    for (let i = 0; i < 40; i++) deep = { L: [deep] };
    expect(rejection(deep)).toBe(
      'ValidationException: Nesting Levels have exceeded supported limits',
    );
  });
});

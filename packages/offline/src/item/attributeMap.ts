import type { AttributeValue } from '@aws-sdk/client-dynamodb';

export type { AttributeValue };

/** An item or a key in DynamoDB JSON (`{ pk: { S: 'a' } }`), as the low-level SDK client uses it. */
export type AttributeMap = Record<string, AttributeValue>;

/** An item as plain JavaScript values (`{ pk: 'a' }`), as the DocumentClient uses it. */
export type PlainItem = Record<string, unknown>;

/** Sets `map[name]`; an attribute named `__proto__` is defined as data instead of replacing the prototype. */
export const setAttribute = (map: Record<string, unknown>, name: string, value: unknown): void => {
  if (name === '__proto__') {
    Object.defineProperty(map, name, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    map[name] = value;
  }
};

/** The member of an AttributeValue for a type tag (`S`, `N`, `SS`, …), `undefined` if not set. */
export const memberOf = (value: AttributeValue, type: string): unknown =>
  (value as unknown as Record<string, unknown>)[type];

/** The type tag of an AttributeValue (its first set member), or `undefined`. */
export const typeOf = (value: AttributeValue): string | undefined =>
  Object.keys(value).find((k) => memberOf(value, k) !== undefined);

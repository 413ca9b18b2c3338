/** The text forms DynamoDB accepts for a number: optional sign, digits with an optional point, optional exponent. */
export const DECIMAL_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A whole number written without point or exponent, the only text `BigInt` reads. */
export const INTEGER_TEXT = /^[+-]?\d+$/;

/**
 * The value of a decimal text as `digits e exponent` with no leading or trailing zeros,
 * so `"1.50"`, `"15e-1"` and `"0.15E1"` all become `"15e-1"`. Expects text matching `DECIMAL_TEXT`.
 */
export const canonicalDecimal = (text: string): string => {
  let sign = '';
  let rest = text;
  if (rest[0] === '-' || rest[0] === '+') {
    sign = rest[0] === '-' ? '-' : '';
    rest = rest.slice(1);
  }
  let exponent = 0;
  const e = rest.search(/[eE]/);
  if (e >= 0) {
    exponent = Number(rest.slice(e + 1));
    rest = rest.slice(0, e);
  }
  const point = rest.indexOf('.');
  if (point >= 0) {
    exponent -= rest.length - point - 1;
    rest = rest.slice(0, point) + rest.slice(point + 1);
  }
  let start = 0;
  while (start < rest.length && rest[start] === '0') start++;
  let end = rest.length;
  while (end > start && rest[end - 1] === '0') {
    end--;
    exponent++;
  }
  return start === end ? '0' : `${sign}${rest.slice(start, end)}e${exponent}`;
};

/** True when the JS number parsed from `text` stands for exactly the same decimal (no digit was lost). */
export const isExactDouble = (text: string, value: number): boolean =>
  canonicalDecimal(text) === canonicalDecimal(String(value));

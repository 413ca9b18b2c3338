/** What a token is: a bare name, a `#name` or `:value` placeholder, an index, punctuation, or the end. */
export type TokenKind = 'identifier' | 'name' | 'value' | 'number' | 'symbol' | 'invalid' | 'end';

/** One token of an expression, with where it sits in the text (for DynamoDB's "near" in errors). */
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const SYMBOLS = ['<>', '<=', '>=', '=', '<', '>', '(', ')', '[', ']', ',', '.', '+', '-'];
const isLetter = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isWordChar = (c: string): boolean => isLetter(c) || isDigit(c) || c === '_';
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

const scanWhile = (text: string, from: number, accept: (c: string) => boolean): number => {
  let i = from;
  while (i < text.length && accept(text[i] as string)) i++;
  return i;
};

/** One token starting at `i` (which is not whitespace). */
const scanToken = (text: string, i: number): Token => {
  const c = text[i] as string;
  const token = (kind: TokenKind, end: number): Token => ({
    kind,
    text: text.slice(i, end),
    start: i,
    end,
  });
  if (isLetter(c)) return token('identifier', scanWhile(text, i + 1, isWordChar));
  if (isDigit(c)) return token('number', scanWhile(text, i + 1, isDigit));
  if ((c === '#' || c === ':') && i + 1 < text.length && isWordChar(text[i + 1] as string)) {
    return token(c === '#' ? 'name' : 'value', scanWhile(text, i + 1, isWordChar));
  }
  const symbol = SYMBOLS.find((s) => text.startsWith(s, i));
  if (symbol !== undefined) return token('symbol', i + symbol.length);
  return token('invalid', i + 1);
};

/** The tokens of an expression, ending with an `end` token whose text is `<EOF>`. */
export const tokenize = (text: string): Token[] => {
  const tokens: Token[] = [];
  let i = scanWhile(text, 0, isSpace);
  while (i < text.length) {
    const token = scanToken(text, i);
    tokens.push(token);
    i = scanWhile(text, token.end, isSpace);
  }
  tokens.push({ kind: 'end', text: '<EOF>', start: text.length, end: text.length });
  return tokens;
};

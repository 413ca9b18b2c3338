import type { AttributeValue, DynamoDBServiceException } from '@aws-sdk/client-dynamodb';
import type { DocumentPath } from './documentPath.js';
import { type ExpressionKind, invalidExpression } from './expressionErrors.js';
import { isReservedWord } from './reservedWords.js';
import { type Token, tokenize } from './tokens.js';

/** A request's placeholders and which of them the expressions used (checked once all are parsed). */
export interface Placeholders {
  readonly names: Readonly<Record<string, string>> | undefined;
  readonly values: Readonly<Record<string, AttributeValue>> | undefined;
  /** The values as the request spelled them ("3.0"), which DynamoDB quotes in some messages. */
  readonly rawValues: Readonly<Record<string, AttributeValue>> | undefined;
  readonly usedNames: Set<string>;
  readonly usedValues: Set<string>;
}

/** A syntax error: thrown while parsing, caught when a parse branch is retried another way. */
export class SyntaxFailure extends Error {
  constructor(readonly exception: DynamoDBServiceException) {
    super(exception.message);
  }
}

// Highest list index DynamoDB accepts in a document path (a Java int).
const MAX_INDEX = 2147483647;
// Deepest document path DynamoDB accepts.
const MAX_DEPTH = 32;

/**
 * A cursor over one expression's tokens, shared by the recursive-descent parsers. Name problems
 * (reserved words, undefined placeholders) are kept until the whole expression parsed, because
 * DynamoDB reports a syntax error anywhere in the expression before them.
 */
export class Parser {
  readonly tokens: Token[];
  position = 0;
  deferred: DynamoDBServiceException | undefined;
  /** A type or operand-count problem: DynamoDB reports it only after path overlaps. */
  late: DynamoDBServiceException | undefined;
  /** `((…))`: reported after path overlaps but before type problems. */
  redundant: DynamoDBServiceException | undefined;

  constructor(
    readonly text: string,
    readonly kind: ExpressionKind,
    readonly placeholders: Placeholders,
  ) {
    this.tokens = tokenize(text);
  }

  /** The token `offset` ahead of the cursor. */
  peek(offset = 0): Token {
    const tokens = this.tokens;
    return tokens[Math.min(this.position + offset, tokens.length - 1)] as Token;
  }

  /** Consumes and returns the current token. */
  next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.position++;
    return token;
  }

  /** Whether the current token is the symbol `symbol`. */
  atSymbol(symbol: string): boolean {
    const token = this.peek();
    return token.kind === 'symbol' && token.text === symbol;
  }

  /** Whether the current token is the keyword `word` (keywords are case-insensitive). */
  atKeyword(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'identifier' && token.text.toUpperCase() === word;
  }

  /** Consumes the symbol `symbol` or fails with a syntax error. */
  expectSymbol(symbol: string): void {
    if (!this.atSymbol(symbol)) this.fail();
    this.next();
  }

  /** Consumes the keyword `word` or fails with a syntax error. */
  expectKeyword(word: string): void {
    if (!this.atKeyword(word)) this.fail();
    this.next();
  }

  /** DynamoDB's syntax error at the current token: the token and the text from its neighbours. */
  fail(): never {
    const at = Math.min(this.position, this.tokens.length - 1);
    const token = this.tokens[at] as Token;
    const before = this.tokens[at - 1] ?? token;
    const after = token.kind === 'end' ? token : (this.tokens[at + 1] ?? token);
    const near = this.text.slice(before.start, after.end);
    throw new SyntaxFailure(
      invalidExpression(this.kind, `Syntax error; token: "${token.text}", near: "${near}"`),
    );
  }

  /** Records a name problem, reported after the parse if no syntax error comes first. */
  defer(message: string): void {
    this.deferred ??= invalidExpression(this.kind, message);
  }

  /** Records a type or operand-count problem, reported after the path-overlap check. */
  deferLate(error: DynamoDBServiceException): void {
    this.late ??= error;
  }

  /** Runs a check whose failure DynamoDB reports only after path overlaps; returns `node`. */
  checkLate<T>(node: T, check: () => unknown): T {
    try {
      check();
    } catch (error) {
      if (!(error instanceof Error) || error.name !== 'ValidationException') throw error;
      this.deferLate(error as DynamoDBServiceException);
    }
    return node;
  }

  /** Refuses `((…))`: DynamoDB rejects a group whose whole content is another group. */
  checkRedundantParentheses(): void {
    const at = this.position;
    if (!this.atSymbol('(') || !(this.peek(1).kind === 'symbol' && this.peek(1).text === '('))
      return;
    const inner = this.matchingClose(at + 1);
    if (inner !== undefined && inner + 1 === this.matchingClose(at)) {
      this.redundant ??= invalidExpression(this.kind, 'The expression has redundant parentheses;');
    }
  }

  private matchingClose(open: number): number | undefined {
    let depth = 0;
    for (let i = open; i < this.tokens.length; i++) {
      const token = this.tokens[i] as Token;
      if (token.kind !== 'symbol') continue;
      if (token.text === '(') depth++;
      else if (token.text === ')' && --depth === 0) return i;
    }
    return undefined;
  }

  /** Fails unless the whole text was consumed, then reports any deferred name problem. */
  finish(): void {
    if (this.peek().kind !== 'end') this.fail();
    if (this.deferred !== undefined) throw this.deferred;
  }

  /** One path element name: a bare attribute name or a `#placeholder`. */
  private pathName(): string {
    const token = this.peek();
    if (token.kind === 'identifier') {
      this.next();
      if (isReservedWord(token.text)) {
        this.defer(`Attribute name is a reserved keyword; reserved keyword: ${token.text}`);
      }
      return token.text;
    }
    if (token.kind === 'name') {
      this.next();
      this.placeholders.usedNames.add(token.text);
      const name = this.placeholders.names?.[token.text];
      if (name === undefined) {
        this.defer(
          `An expression attribute name used in the document path is not defined; attribute name: ${token.text}`,
        );
        return token.text;
      }
      return name;
    }
    return this.fail();
  }

  /** A document path: `a`, `#a`, `a.b`, `a[2].#c`. */
  path(): DocumentPath {
    const path: (string | number)[] = [this.pathName()];
    for (;;) {
      if (this.atSymbol('.')) {
        this.next();
        path.push(this.pathName());
      } else if (this.atSymbol('[')) {
        this.next();
        const token = this.peek();
        if (token.kind !== 'number') this.fail();
        this.next();
        this.expectSymbol(']');
        const index = Number(token.text);
        if (index > MAX_INDEX) {
          throw invalidExpression(
            this.kind,
            `List index is not within the allowable range; index: [${token.text}]`,
          );
        }
        path.push(index);
      } else {
        if (path.length > MAX_DEPTH) {
          throw invalidExpression(
            this.kind,
            `The document path has too many nesting levels; nesting levels: ${path.length}`,
          );
        }
        return path;
      }
    }
  }

  /** The value of a `:placeholder` token (consumed), recording its use. */
  value(): { placeholder: string; value: AttributeValue } {
    const token = this.next();
    this.placeholders.usedValues.add(token.text);
    const value = this.placeholders.values?.[token.text];
    if (value === undefined) {
      this.defer(
        `An expression attribute value used in expression is not defined; attribute value: ${token.text}`,
      );
      return { placeholder: token.text, value: { NULL: true } };
    }
    return { placeholder: token.text, value };
  }
}

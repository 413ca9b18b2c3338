import type { Projection } from './ast.js';
import type { DocumentPath } from './documentPath.js';
import { invalidExpression } from './expressionErrors.js';
import type { Parser } from './parser.js';

/** Parses a ProjectionExpression: document paths separated by commas. */
export const parseProjection = (p: Parser): Projection => {
  if (p.peek().kind === 'end') throw invalidExpression(p.kind, 'The expression can not be empty;');
  const paths: DocumentPath[] = [p.path()];
  while (p.atSymbol(',')) {
    p.next();
    paths.push(p.path());
  }
  p.finish();
  return { paths };
};

import type { DocumentPath } from './documentPath.js';
import { formatPath } from './documentPath.js';
import { type ExpressionKind, invalidExpression } from './expressionErrors.js';

/** How two paths relate: one contains the other, they clash (name vs index), or neither. */
const relation = (a: DocumentPath, b: DocumentPath): 'overlap' | 'conflict' | 'none' => {
  const common = Math.min(a.length, b.length);
  for (let i = 0; i < common; i++) {
    if (a[i] === b[i]) continue;
    return typeof a[i] !== typeof b[i] ? 'conflict' : 'none';
  }
  return 'overlap';
};

/**
 * DynamoDB refuses an update (or projection) naming one document twice: `a` and `a.b` overlap,
 * `a.b` and `a[1]` conflict (a map and a list at once).
 */
export const checkPathOverlap = (kind: ExpressionKind, paths: readonly DocumentPath[]): void => {
  for (let j = 1; j < paths.length; j++) {
    for (let i = 0; i < j; i++) {
      const r = relation(paths[i] as DocumentPath, paths[j] as DocumentPath);
      if (r === 'none') continue;
      const verb = r === 'overlap' ? 'overlap with' : 'conflict with';
      throw invalidExpression(
        kind,
        `Two document paths ${verb} each other; must remove or rewrite one of these paths; path one: ${formatPath(paths[i] as DocumentPath)}, path two: ${formatPath(paths[j] as DocumentPath)}`,
      );
    }
  }
};

import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DocumentPath } from './documentPath.js';

/** A document path in an expression (names already resolved from `#placeholders`). */
export interface PathOperand {
  readonly kind: 'path';
  readonly path: DocumentPath;
}

/** An `:placeholder` and the (admitted, canonical) value it stands for. */
export interface ValueOperand {
  readonly kind: 'value';
  readonly placeholder: string;
  readonly value: AttributeValue;
}

/** `size(operand)`: a number computed from a path or value. */
export interface SizeOperand {
  readonly kind: 'size';
  readonly operand: Operand;
}

/** An operand of a condition. */
export type Operand = PathOperand | ValueOperand | SizeOperand;

/** The comparison operators of conditions. */
export type Comparator = '=' | '<>' | '<' | '<=' | '>' | '>=';

/** The boolean functions of conditions. */
export type ConditionFunctionName =
  | 'attribute_exists'
  | 'attribute_not_exists'
  | 'attribute_type'
  | 'begins_with'
  | 'contains';

/** A parsed ConditionExpression / FilterExpression. */
export type Condition =
  | {
      readonly kind: 'compare';
      readonly op: Comparator;
      readonly left: Operand;
      readonly right: Operand;
    }
  | {
      readonly kind: 'between';
      readonly operand: Operand;
      readonly low: Operand;
      readonly high: Operand;
    }
  | { readonly kind: 'in'; readonly operand: Operand; readonly list: readonly Operand[] }
  | {
      readonly kind: 'function';
      readonly name: ConditionFunctionName;
      readonly args: readonly Operand[];
    }
  | { readonly kind: 'not'; readonly condition: Condition }
  | { readonly kind: 'and' | 'or'; readonly left: Condition; readonly right: Condition };

/** The right-hand side of a SET action. */
export type SetValue =
  | PathOperand
  | ValueOperand
  | { readonly kind: 'if_not_exists'; readonly path: DocumentPath; readonly fallback: SetValue }
  | { readonly kind: 'list_append'; readonly first: SetValue; readonly second: SetValue }
  | {
      readonly kind: 'arithmetic';
      readonly op: '+' | '-';
      readonly left: SetValue;
      readonly right: SetValue;
    };

/** One action of an UpdateExpression, in the order written. */
export type UpdateAction =
  | { readonly kind: 'SET'; readonly path: DocumentPath; readonly value: SetValue }
  | { readonly kind: 'REMOVE'; readonly path: DocumentPath }
  | { readonly kind: 'ADD' | 'DELETE'; readonly path: DocumentPath; readonly value: ValueOperand };

/** A parsed UpdateExpression: its actions, clause by clause, in the order written. */
export interface Update {
  readonly actions: readonly UpdateAction[];
}

/** A parsed ProjectionExpression: the paths to keep. */
export interface Projection {
  readonly paths: readonly DocumentPath[];
}

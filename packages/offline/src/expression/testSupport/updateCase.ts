import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { AttributeMap } from '../../item/attributeMap.js';
import type { KeySchema } from '../../item/keySchema.js';
import { admitAttributes } from '../../table/admitValue.js';
import { applyUpdate } from '../applyUpdate.js';
import { compileExpressions } from '../compileExpressions.js';
import { evaluateCondition } from '../evaluateCondition.js';

/** One UpdateItem as the differential tests send it: the item before, the expressions, placeholders. */
export interface UpdateCase {
  readonly name: string;
  readonly item: AttributeMap | undefined;
  readonly update: string;
  readonly condition?: string;
  readonly names?: Record<string, string>;
  readonly values?: Record<string, AttributeValue>;
}

/** What UpdateItem answers: the new item (ReturnValues ALL_NEW) or the error's name and message. */
export type UpdateOutcome =
  | { readonly item: AttributeMap }
  | { readonly error: string; readonly message: string };

/** The key schema the differential tests use: `pk` (S) and `sk` (N). */
export const caseKeySchema: KeySchema = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'N' },
};

/** The key every case writes to. */
export const caseKey: AttributeMap = { pk: { S: 'item' }, sk: { N: '1' } };

/** Runs a case on the expression engine the way UpdateItem does. */
export const runUpdateCase = (c: UpdateCase): UpdateOutcome => {
  try {
    const compiled = compileExpressions(
      {
        update: c.update,
        ...(c.condition !== undefined ? { condition: c.condition } : {}),
        ...(c.names !== undefined ? { names: c.names } : {}),
        ...(c.values !== undefined ? { values: c.values } : {}),
      },
      caseKeySchema,
    );
    // The table stores items canonical (numbers normalized, sets sorted).
    const item = c.item === undefined ? undefined : admitAttributes(c.item, { size: 0 });
    if (compiled.condition !== undefined && !evaluateCondition(compiled.condition, item)) {
      return {
        error: 'ConditionalCheckFailedException',
        message: 'The conditional request failed',
      };
    }
    const base = item ?? caseKey;
    return { item: applyUpdate(compiled.update as NonNullable<typeof compiled.update>, base).item };
  } catch (error) {
    const e = error as Error;
    return { error: e.name, message: e.message };
  }
};

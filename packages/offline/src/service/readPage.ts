import {
  type Condition,
  evaluateCondition,
  type Projection,
  project,
} from '../expression/expressions.js';
import type { AttributeMap } from '../item/attributeMap.js';
import { validationException } from '../table/dynamoDbErrors.js';
import type { InMemoryTable } from '../table/inMemoryTable.js';
import type { ItemPage } from '../table/itemPage.js';
import type { SecondaryIndex } from '../table/secondaryIndex.js';

const SELECTS = ['ALL_ATTRIBUTES', 'ALL_PROJECTED_ATTRIBUTES', 'SPECIFIC_ATTRIBUTES', 'COUNT'];

/** The index a Query or Scan names, or DynamoDB's error when the table has no such index. */
export const indexOf = (
  engine: InMemoryTable,
  indexName: string | undefined,
): SecondaryIndex | undefined => {
  if (indexName === undefined) return undefined;
  const index = engine.index(indexName);
  if (index === undefined) {
    throw validationException('The table does not have the specified index: ' + indexName);
  }
  return index;
};

/** Checks `Select` against the projection and index, as DynamoDB does; returns it (defaulted). */
export const selectOf = (
  select: string | undefined,
  projection: Projection | undefined,
  index: SecondaryIndex | undefined,
): string => {
  const chosen =
    select ??
    (projection ? 'SPECIFIC_ATTRIBUTES' : index ? 'ALL_PROJECTED_ATTRIBUTES' : 'ALL_ATTRIBUTES');
  if (!SELECTS.includes(chosen)) {
    throw validationException(
      `1 validation error detected: Value '${chosen}' at 'select' failed to satisfy constraint: Member must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]`,
    );
  }
  if (projection && chosen !== 'SPECIFIC_ATTRIBUTES') {
    throw validationException(
      `One or more parameter values were invalid: Select type ${chosen} is not supported with ProjectionExpression`,
    );
  }
  if (chosen === 'ALL_PROJECTED_ATTRIBUTES' && index === undefined) {
    throw validationException(
      'One or more parameter values were invalid: Select type ALL_PROJECTED_ATTRIBUTES is only valid when querying an index',
    );
  }
  if (chosen === 'ALL_ATTRIBUTES' && index?.kind === 'global' && index.projection.type !== 'ALL') {
    throw validationException(
      'One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index ' +
        index.indexName +
        ' because its projection type is not ALL',
    );
  }
  return chosen;
};

/**
 * The output of a Query or Scan page: the filter runs on the items read (so `Limit` and the 1 MB
 * bound count items before filtering, `ScannedCount` too), then the projection, as in DynamoDB.
 */
export const pageOutput = (
  page: ItemPage,
  filter: Condition | undefined,
  projection: Projection | undefined,
  select: string,
) => {
  const kept = filter ? page.items.filter((item) => evaluateCondition(filter, item)) : page.items;
  const items: AttributeMap[] = projection ? kept.map((item) => project(projection, item)) : kept;
  return {
    ...(select === 'COUNT' ? {} : { Items: items }),
    Count: kept.length,
    ScannedCount: page.items.length,
    ...(page.lastEvaluatedKey ? { LastEvaluatedKey: page.lastEvaluatedKey } : {}),
  };
};

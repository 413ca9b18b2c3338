import { type DocumentPath, pick } from '../expression/expressions.js';
import type { AttributeMap } from '../item/attributeMap.js';
import { validationException } from '../table/dynamoDbErrors.js';

/** The `ReturnValues` a write accepts. */
export type ReturnValues = 'NONE' | 'ALL_OLD' | 'UPDATED_OLD' | 'ALL_NEW' | 'UPDATED_NEW';

/** `ReturnValues` of a request, refused when the operation does not support it (as DynamoDB does). */
export const returnValuesOf = (given: unknown, allowed: readonly ReturnValues[]): ReturnValues => {
  const value = (given ?? 'NONE') as ReturnValues;
  if (!allowed.includes(value)) {
    throw validationException('Return values set to invalid value');
  }
  return value;
};

/** The `Attributes` member of a write's output; absent when there is nothing to return. */
export const returnedAttributes = (
  returnValues: ReturnValues,
  oldItem: AttributeMap | undefined,
  newItem: AttributeMap | undefined,
  updatedPaths: readonly DocumentPath[] = [],
): { Attributes?: AttributeMap } => {
  const attributes = ((): AttributeMap | undefined => {
    switch (returnValues) {
      case 'NONE':
        return undefined;
      case 'ALL_OLD':
        return oldItem;
      case 'ALL_NEW':
        return newItem;
      case 'UPDATED_OLD':
        return oldItem && pick(oldItem, updatedPaths);
      case 'UPDATED_NEW':
        return newItem && pick(newItem, updatedPaths);
    }
  })();
  return attributes === undefined || Object.keys(attributes).length === 0
    ? {}
    : { Attributes: attributes };
};

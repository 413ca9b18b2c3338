import type { AttributeMap, AttributeValue } from '../item/attributeMap.js';
import type { UpdateActions } from './updateActions.js';

/**
 * How an update changes an item: declarative actions (SET / REMOVE / ADD / DELETE), or a function
 * from the current item (`undefined` if absent) to the whole new item. Like UpdateItem, both create
 * the item when it does not exist; key attributes cannot change.
 */
export type ItemUpdate<V = AttributeValue, I = AttributeMap> =
  | UpdateActions<V>
  | ((current: I | undefined) => I);

import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { type AttributeMap, memberOf, typeOf } from '../item/attributeMap.js';
import { admitAttributes } from '../table/admitValue.js';
import type { Update, UpdateAction } from './ast.js';
import type { DocumentPath } from './documentPath.js';
import { addNumbers, evaluateSetValue } from './evaluateSetValue.js';
import { invalidUpdatePath, wrongOperandType } from './expressionErrors.js';
import { ItemDraft, type Slot, slotValue } from './itemDraft.js';
import { canWrite, readPath } from './readPath.js';

const setKey = (type: string, element: unknown): string =>
  type === 'BS' ? Buffer.from(element as Uint8Array).toString('latin1') : (element as string);

/** Set union (ADD) or difference (DELETE) of two sets of one type; canonical order comes later. */
const combineSets = (
  type: string,
  current: unknown[],
  operand: unknown[],
  add: boolean,
): unknown[] => {
  const operandKeys = new Set(operand.map((e) => setKey(type, e)));
  if (!add) return current.filter((e) => !operandKeys.has(setKey(type, e)));
  const currentKeys = new Set(current.map((e) => setKey(type, e)));
  return [...current, ...operand.filter((e) => !currentKeys.has(setKey(type, e)))];
};

/** Writes into a slot; a list index past the end appends, as DynamoDB does. Returns the path written. */
const write = (
  slot: Slot,
  path: DocumentPath,
  value: AttributeValue,
  draft: ItemDraft,
): DocumentPath => {
  if (Array.isArray(slot.container) && (slot.step as number) >= slot.container.length) {
    slot.container.push(value);
    return [...path.slice(0, -1), slot.container.length - 1];
  }
  draft.put(slot.container, slot.step, value);
  return path;
};

const remove = (slot: Slot): void => {
  if (Array.isArray(slot.container)) slot.container.splice(slot.step as number, 1);
  else delete slot.container[slot.step as string];
};

const addOrDelete = (
  action: Extract<UpdateAction, { kind: 'ADD' | 'DELETE' }>,
  slot: Slot,
  draft: ItemDraft,
): DocumentPath => {
  const operand = action.value.value;
  const type = typeOf(operand) as string;
  const existing = slotValue(slot);
  if (existing === undefined) {
    return action.kind === 'ADD' ? write(slot, action.path, operand, draft) : action.path;
  }
  const current = memberOf(existing, type);
  if (current === undefined) throw wrongOperandType();
  if (type === 'N')
    return write(slot, action.path, addNumbers(existing.N as string, operand.N as string), draft);
  const members = combineSets(
    type,
    current as unknown[],
    memberOf(operand, type) as unknown[],
    action.kind === 'ADD',
  );
  if (members.length === 0) remove(slot);
  else draft.put(slot.container, slot.step, { [type]: members } as unknown as AttributeValue);
  return action.path;
};

// A total order on paths: at the first difference, names alphabetically and list indexes
// `numberOrder`-wise. Removals go from the highest index down, so every index names the element
// it named before the update (as DynamoDB resolves them); appends to a list go in index order.
const pathOrder =
  (numberOrder: 1 | -1) =>
  (a: DocumentPath, b: DocumentPath): number => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const x = a[i] as string | number;
      const y = b[i] as string | number;
      if (x === y) continue;
      if (typeof x === 'number' && typeof y === 'number') return numberOrder * (x - y);
      if (typeof x !== typeof y) return typeof x === 'string' ? -1 : 1;
      return x < y ? -1 : 1;
    }
    return a.length - b.length;
  };
const removalOrder = pathOrder(-1);
const appendOrder = pathOrder(1);
const setOrder = (a: UpdateAction, b: UpdateAction): number => appendOrder(a.path, b.path);

/**
 * Every SET value, read from the item as it was before the update, checking paths in DynamoDB's
 * order: paths through a list index first, then each SET's value unless its own path is invalid,
 * then the paths of the other actions.
 */
const evaluateSetValues = (
  update: Update,
  item: AttributeMap,
): Map<UpdateAction, AttributeValue> => {
  const throughIndex = (a: UpdateAction) => a.path.some((step) => typeof step === 'number');
  if (!update.actions.filter(throughIndex).every((a) => canWrite(item, a.path))) {
    throw invalidUpdatePath();
  }
  const values = new Map<UpdateAction, AttributeValue>();
  let invalid = false;
  for (const action of update.actions) {
    if (action.kind !== 'SET') continue;
    if (canWrite(item, action.path)) values.set(action, evaluateSetValue(action.value, item));
    else invalid = true;
  }
  if (invalid || !update.actions.every((a) => canWrite(item, a.path))) throw invalidUpdatePath();
  return values;
};

/**
 * Applies an UpdateExpression to an item (the existing item, or just the key attributes when the
 * item is missing). Returns a new, admitted item and the paths written.
 */
export const applyUpdate = (
  update: Update,
  item: AttributeMap,
): { item: AttributeMap; updatedPaths: readonly DocumentPath[] } => {
  const values = evaluateSetValues(update, item);
  const draft = new ItemDraft(item);
  const updatedPaths: DocumentPath[] = [];
  for (const action of update.actions.filter((a) => a.kind === 'SET').sort(setOrder)) {
    const slot = draft.slot(action.path);
    if (slot === undefined) throw invalidUpdatePath();
    updatedPaths.push(write(slot, action.path, values.get(action) as AttributeValue, draft));
  }
  for (const action of update.actions) {
    if (action.kind !== 'ADD' && action.kind !== 'DELETE') continue;
    const slot = draft.slot(action.path);
    if (slot === undefined) throw invalidUpdatePath();
    updatedPaths.push(addOrDelete(action, slot, draft));
  }
  const removals = update.actions.filter((a) => a.kind === 'REMOVE').map((a) => a.path);
  for (const path of removals.sort(removalOrder)) {
    const slot = draft.slot(path);
    if (slot === undefined) throw invalidUpdatePath();
    if (readPath(item, path) !== undefined) remove(slot);
    updatedPaths.push(path);
  }
  return { item: admitAttributes(draft.root, { size: 0 }, 0, true), updatedPaths };
};

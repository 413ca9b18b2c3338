import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { type AttributeMap, setAttribute } from '../item/attributeMap.js';
import type { Projection } from './ast.js';
import type { DocumentPath } from './documentPath.js';
import { child } from './readPath.js';

/**
 * A tree of the requested paths: each node says whether the whole value is wanted, and which
 * map keys or list indexes below it are.
 */
interface Want {
  whole: boolean;
  readonly children: Map<string | number, Want>;
}

const newWant = (): Want => ({ whole: false, children: new Map() });

const wantTree = (paths: readonly DocumentPath[]): Want => {
  const root = newWant();
  for (const path of paths) {
    let node = root;
    for (const step of path) {
      let next = node.children.get(step);
      if (next === undefined) {
        next = newWant();
        node.children.set(step, next);
      }
      node = next;
    }
    node.whole = true;
  }
  return root;
};

/** The wanted part of a value: nested maps keep the wanted keys, lists the wanted elements in order. */
const part = (value: AttributeValue, want: Want): AttributeValue | undefined => {
  if (want.whole) return value;
  if (value.M !== undefined) {
    const out: Record<string, AttributeValue> = {};
    for (const [key, sub] of want.children) {
      if (typeof key !== 'string') continue;
      const found = child(value, key);
      const kept = found === undefined ? undefined : part(found, sub);
      if (kept !== undefined) setAttribute(out, key, kept);
    }
    return Object.keys(out).length === 0 ? undefined : { M: out };
  }
  if (value.L !== undefined) {
    const indexes = [...want.children.keys()]
      .filter((k) => typeof k === 'number')
      .sort((a, b) => a - b);
    const out: AttributeValue[] = [];
    for (const index of indexes) {
      const found = value.L[index];
      const kept = found === undefined ? undefined : part(found, want.children.get(index) as Want);
      if (kept !== undefined) out.push(kept);
    }
    return out.length === 0 ? undefined : { L: out };
  }
  return undefined;
};

/** The parts of `item` at `paths`; empty map if none (also used for UPDATED_OLD / UPDATED_NEW). */
export const pick = (item: AttributeMap, paths: readonly DocumentPath[]): AttributeMap => {
  const root = wantTree(paths);
  const out: AttributeMap = {};
  for (const [name, want] of root.children) {
    if (typeof name !== 'string' || !Object.hasOwn(item, name)) continue;
    const kept = part(item[name] as AttributeValue, want);
    if (kept !== undefined) setAttribute(out, name, kept);
  }
  return out;
};

/** ProjectionExpression applied to an item (nested paths and list indexes as DynamoDB returns them). */
export const project = (projection: Projection, item: AttributeMap): AttributeMap =>
  pick(item, projection.paths);

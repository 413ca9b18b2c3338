import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { type AttributeMap, setAttribute } from '../item/attributeMap.js';
import type { DocumentPath } from './documentPath.js';

type MapContainer = Record<string, AttributeValue>;
type Container = MapContainer | AttributeValue[];

/** Where a path ends: the container that holds its last step, and that step. */
export interface Slot {
  readonly container: Container;
  readonly step: string | number;
}

/**
 * A copy-on-write working copy of an item: the maps and lists on a written path are copied the
 * first time they are touched, everything else is shared with the (frozen) original.
 */
export class ItemDraft {
  private readonly fresh = new WeakSet<object>();
  readonly root: MapContainer;

  constructor(item: AttributeMap) {
    this.root = { ...item };
    this.fresh.add(this.root);
  }

  /** A mutable copy of the container `value` holds, if it is the kind `step` needs. */
  private open(
    holder: Container,
    key: string | number,
    step: string | number,
  ): Container | undefined {
    const value = (holder as Record<string | number, AttributeValue | undefined>)[key];
    if (value === undefined) return undefined;
    if (typeof step === 'number') {
      if (value.L === undefined) return undefined;
      if (this.fresh.has(value.L)) return value.L;
      const copy = value.L.slice();
      this.fresh.add(copy);
      this.put(holder, key, { L: copy });
      return copy;
    }
    if (value.M === undefined) return undefined;
    if (this.fresh.has(value.M)) return value.M;
    const copy = { ...value.M };
    this.fresh.add(copy);
    this.put(holder, key, { M: copy });
    return copy;
  }

  /** Stores `value` at `key` of a (mutable) container. */
  put(container: Container, key: string | number, value: AttributeValue): void {
    if (Array.isArray(container)) container[key as number] = value;
    else setAttribute(container, key as string, value);
  }

  /** The slot for `path` (its parents opened for writing), or undefined if a parent is missing or of the wrong type. */
  slot(path: DocumentPath): Slot | undefined {
    let container: Container = this.root;
    for (let i = 0; i < path.length - 1; i++) {
      const next = this.open(container, path[i] as string | number, path[i + 1] as string | number);
      if (next === undefined) return undefined;
      container = next;
    }
    return { container, step: path[path.length - 1] as string | number };
  }
}

/** The value in a slot, if any. */
export const slotValue = (slot: Slot): AttributeValue | undefined =>
  Array.isArray(slot.container)
    ? slot.container[slot.step as number]
    : Object.hasOwn(slot.container, slot.step)
      ? (slot.container as MapContainer)[slot.step as string]
      : undefined;

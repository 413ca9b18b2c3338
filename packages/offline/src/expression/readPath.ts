import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { AttributeMap } from '../item/attributeMap.js';
import type { DocumentPath } from './documentPath.js';

/** The value one step into `value` (a map key or a list index), if there is one. */
export const child = (
  value: AttributeValue | undefined,
  step: string | number,
): AttributeValue | undefined => {
  if (value === undefined) return undefined;
  if (typeof step === 'number') return value.L?.[step];
  const map = value.M;
  return map !== undefined && Object.hasOwn(map, step) ? map[step] : undefined;
};

/** The value at `path` in `item`, or undefined when any step is missing or of the wrong type. */
export const readPath = (
  item: AttributeMap | undefined,
  path: DocumentPath,
): AttributeValue | undefined => {
  if (item === undefined) return undefined;
  const [first, ...rest] = path;
  if (typeof first !== 'string' || !Object.hasOwn(item, first)) return undefined;
  let value: AttributeValue | undefined = item[first];
  for (const step of rest) value = child(value, step);
  return value;
};

/** Whether `path` can be written in `item`: its parent exists and is a map (for a name) or a list (for an index). */
export const canWrite = (item: AttributeMap, path: DocumentPath): boolean => {
  if (path.length === 1) return true;
  const parent = readPath(item, path.slice(0, -1));
  const last = path[path.length - 1];
  return typeof last === 'number' ? parent?.L !== undefined : parent?.M !== undefined;
};

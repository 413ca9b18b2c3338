/** A comparable string for an item's primary key, used to find duplicates within one request. */
export const keyString = (
  item: Readonly<Record<string, unknown>>,
  keyAttributes: ReadonlyArray<string>,
): string => JSON.stringify(keyAttributes.map((name) => item[name]));

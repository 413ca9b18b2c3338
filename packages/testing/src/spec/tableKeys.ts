import type { ProjectionStore, Write } from '@sluice/projections';

/** The key attribute names of each table, as the projections' writes name them. */
export type TableKeys = Map<string, readonly string[]>;

const note = (keys: TableKeys, table: string, key: object): void => {
  if (!keys.has(table)) keys.set(table, Object.keys(key).sort());
};

const noteWrite = (keys: TableKeys, write: Write): void => {
  if (write._tag !== 'Contribute') {
    note(keys, write.table, write.key);
    return;
  }
  // A marker kept in its group row: that table is keyed by the group, not by marker ids.
  if (write.markerRow !== undefined) {
    note(keys, write.table, write.markerRow);
    return;
  }
  note(keys, write.markerTable, { markerId: write.markerId });
  for (const contribution of [write.contribution, ...write.alsoTouches])
    if (contribution !== null) note(keys, write.table, contribution.group);
};

/**
 * The store, unchanged, noting each table's key attributes as writes pass: a failing spec then
 * pairs an expected row with the received row of the same key and shows what differs.
 */
export const notingTableKeys = (store: ProjectionStore, keys: TableKeys): ProjectionStore => ({
  apply: (batch) => {
    for (const write of batch.writes) noteWrite(keys, write);
    return store.apply(batch);
  },
  scan: (table) => store.scan(table),
});

import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { InMemoryDeadLetters } from '../deadLetter/inMemoryDeadLetters.js';
import { InMemoryProjectionStore } from '../memory/inMemoryProjectionStore.js';
import type { ProjectionStore } from '../store/projectionStore.js';
import { inMemoryScanSource } from './inMemoryScanSource.js';
import { InMemorySegmentCheckpoints } from './inMemorySegmentCheckpoints.js';
import { scanSnapshots } from './scanSnapshots.js';
import type { ScanSource } from './scanSource.js';
import type { SegmentCheckpointStore } from './segmentCheckpoints.js';
import { taskProjections, taskTable } from './testSupport/backfillTasks.js';

const ITEMS = 30;

const populatedTable = () => {
  const table = taskTable(2);
  for (let i = 0; i < ITEMS; i++)
    table.put({ id: `t${i}`, list: `l${i % 3}`, points: i % 5, title: `task ${i}` });
  return table;
};

/** Stands for the process dying: once it fires, every call throws, before or after its effect. */
class Kill {
  private steps = 0;
  constructor(private readonly at: number) {}
  check(): void {
    if (this.steps++ >= this.at) throw new Error('killed');
  }
  async around<A>(call: () => Promise<A>): Promise<A> {
    this.check();
    const result = await call();
    this.check();
    return result;
  }
}

const mortal = (
  kill: Kill,
  source: ScanSource,
  store: ProjectionStore,
  checkpoints: SegmentCheckpointStore,
) => ({
  source: {
    describe: source.describe,
    readPage: (r) => kill.around(() => source.readPage(r)),
  } satisfies ScanSource,
  store: {
    apply: (b) => kill.around(() => store.apply(b)),
    scan: store.scan.bind(store),
  } satisfies ProjectionStore,
  checkpoints: {
    load: checkpoints.load.bind(checkpoints),
    save: (id, c) => kill.around(() => checkpoints.save(id, c)),
  } satisfies SegmentCheckpointStore,
});

describe('a killed backfill resumes from its segment checkpoints', () => {
  it('killed at any point and run again, it ends with the tables of an uninterrupted run, re-reading at most one page per segment', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 240 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 7 }),
        async (killAt, segments, pageSize) => {
          const table = populatedTable();
          const { targets } = taskProjections();
          // A fixed clock: snapshot rows carry their read time, which must not differ between runs.
          const clock = { now: () => 1_700_000_000_000, sleep: async () => {} };
          const common = {
            projections: targets,
            deadLetters: new InMemoryDeadLetters(),
            segments,
            pageSize,
            clock,
          };

          const reference = new InMemoryProjectionStore();
          const clean = await scanSnapshots({
            ...common,
            source: inMemoryScanSource(table),
            store: reference,
          });
          if (E.isLeft(clean)) throw new Error(clean.left.message);

          const store = new InMemoryProjectionStore();
          const checkpoints = new InMemorySegmentCheckpoints();
          let reads = 0;
          const counted: ScanSource = {
            describe: inMemoryScanSource(table).describe,
            readPage: (request) => {
              reads += 1;
              return inMemoryScanSource(table).readPage(request);
            },
          };
          const first = await scanSnapshots({
            ...common,
            ...mortal(new Kill(killAt), counted, store, checkpoints),
          }).catch(() => undefined);
          // Let the other segments run into the kill too, as a dead process would stop them.
          await new Promise((resolve) => setTimeout(resolve, 0));

          const second = await scanSnapshots({ ...common, source: counted, store, checkpoints });
          if (E.isLeft(second)) throw new Error(second.left.message);
          expect(second.right.complete).toBe(true);
          expect(store.tables()).toEqual(reference.tables());
          expect(reads).toBeLessThanOrEqual(clean.right.pages + segments);
          expect(second.right.alreadyScanned + second.right.scanned).toBe(ITEMS);
          if (first !== undefined && E.isRight(first)) expect(second.right.scanned).toBe(0);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('stopped by its signal, it saves where each segment stands and resolves incomplete; the next run finishes without re-reading', async () => {
    const table = populatedTable();
    const { targets } = taskProjections();
    const store = new InMemoryProjectionStore();
    const checkpoints = new InMemorySegmentCheckpoints();
    const controller = new AbortController();
    let pages = 0;
    const common = {
      source: inMemoryScanSource(table),
      projections: targets,
      store,
      deadLetters: new InMemoryDeadLetters(),
      checkpoints,
      segments: 2,
      pageSize: 5,
    };
    const stopped = await scanSnapshots({
      ...common,
      signal: controller.signal,
      onEvent: (event) => {
        if (event._tag === 'PageApplied' && ++pages === 3) controller.abort();
      },
    });
    if (E.isLeft(stopped)) throw new Error(stopped.left.message);
    expect(stopped.right.complete).toBe(false);
    expect(stopped.right.scanned).toBeGreaterThan(0);
    expect(stopped.right.scanned).toBeLessThan(ITEMS);

    const resumed = await scanSnapshots(common);
    if (E.isLeft(resumed)) throw new Error(resumed.left.message);
    expect(resumed.right).toMatchObject({ complete: true, alreadyScanned: stopped.right.scanned });
    expect(resumed.right.scanned + resumed.right.alreadyScanned).toBe(ITEMS);
  });

  it('refuses to resume with another number of segments, naming the one it started with', async () => {
    const table = populatedTable();
    const checkpoints = new InMemorySegmentCheckpoints();
    const common = {
      source: inMemoryScanSource(table),
      projections: taskProjections().targets,
      store: new InMemoryProjectionStore(),
      deadLetters: new InMemoryDeadLetters(),
      checkpoints,
      backfillId: 'tasks-once',
    };
    expect(E.isRight(await scanSnapshots({ ...common, segments: 3 }))).toBe(true);
    const again = await scanSnapshots({ ...common, segments: 4 });
    expect(again).toMatchObject({
      _tag: 'Left',
      left: { _tag: 'SegmentMismatch', stored: 3, requested: 4 },
    });
    if (E.isLeft(again)) expect(again.left.message).toContain('resume it with 3');
  });
});

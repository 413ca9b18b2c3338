import { lookup } from '@sluice/projections';
import fc from 'fast-check';
import * as t from 'io-ts';
import { describe, it } from 'vitest';
import { faultyDeliveries } from '../spec/deliveryPlan.js';
import { given } from '../spec/given.js';
import type { TableWrite } from '../spec/tableWrite.js';

// email → userId over a users table on four shards, where the in-memory stream's sequence numbers
// mislead across shards on purpose: any comparison of two users' versions would show up here.
const User = t.type({ userId: t.string, email: t.string });
const usersByEmail = lookup({
  name: 'usersByEmail',
  table: 'usersByEmail',
  tombstones: 'usersByEmailTombstones',
  item: User,
  viewType: 'NEW_AND_OLD_IMAGES',
  valueAttribute: 'email',
  value: (user) => user.email,
});

const step = fc.record({
  user: fc.nat(4),
  email: fc.nat(2),
  remove: fc.boolean(),
});

/** The source writes and, from the final table, every (email, user) claim the lookup must hold. */
const history = (steps: ReadonlyArray<{ user: number; email: number; remove: boolean }>) => {
  const emails = new Map<string, string>();
  const writes: TableWrite[] = steps.map(({ user, email, remove }) => {
    const userId = `u${user}`;
    if (remove && emails.has(userId)) {
      emails.delete(userId);
      return { delete: { userId } };
    }
    emails.set(userId, `e${email}@x`);
    return { put: { userId, email: `e${email}@x` } };
  });
  const claims = [...emails].map(([userId, email]) => ({ email, owner: { userId } }));
  return { writes, claims };
};

const spec = (writes: readonly TableWrite[], seed: number) =>
  given(writes, {
    partitionKey: { name: 'userId', type: 'S' },
    stream: { sequenceSeed: seed },
  }).when(usersByEmail, { deliveries: faultyDeliveries(seed), times: 2 });

const IGNORED = { ignoring: ['claimedBy', 'sluiceVersion'] };

describe('lookup under fault schedules', () => {
  it('the claims of every value are exactly the users holding it, for any history, numbering and fault schedule', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 14 }),
        fc.nat(),
        async (steps, seed) => {
          const { writes, claims } = history(steps);
          await spec(writes, seed).then({ usersByEmail: claims }, IGNORED);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('two users racing for one address on different shards both hold a claim until one lets go', async () => {
    const race: TableWrite[] = [
      { put: { userId: 'u1', email: 'r@x' } },
      { put: { userId: 'u2', email: 'r@x' } },
    ];
    const letGo: TableWrite[] = [...race, { put: { userId: 'u1', email: 'other@x' } }];
    for (let seed = 1; seed <= 8; seed++) {
      await spec(race, seed).then(
        {
          usersByEmail: [
            { email: 'r@x', owner: { userId: 'u1' } },
            { email: 'r@x', owner: { userId: 'u2' } },
          ],
        },
        IGNORED,
      );
      await spec(letGo, seed).then(
        {
          usersByEmail: [
            { email: 'r@x', owner: { userId: 'u2' } },
            { email: 'other@x', owner: { userId: 'u1' } },
          ],
        },
        IGNORED,
      );
    }
  });
});

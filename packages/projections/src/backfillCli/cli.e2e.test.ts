import { fileURLToPath } from 'node:url';
import { BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { segmentCheckpointTableSpec } from '../backfill/dynamoDbSegmentCheckpoints.js';
import { scanTable } from '../dynamodb/store/scanTable.js';
import { createProjectionTables } from '../dynamodb/tables/createProjectionTables.js';
import { markerTableSpec, tableSpec } from '../dynamodb/tables/tableSpec.js';
import { connectLocal, uniquePrefix } from '../dynamodb/testSupport/localDynamoDb.js';
import { createTaskTable } from '../poller/testSupport/taskTables.js';
import { killCliProcesses, startCli as start, until } from './testSupport/cliProcess.js';

const MODULE = fileURLToPath(new URL('./testSupport/cliProjections.ts', import.meta.url));

const connection = connectLocal();
const { dynamodb, documentClient } = connection.clients;
afterAll(() => connection.destroy());
afterEach(killCliProcesses);

describe('the sluice-backfill command (tsx src/backfillCli/main.ts)', () => {
  it('prints its usage with --help and exits 0; a bad argument gets a clear message and status 2', async () => {
    const help = start(['--help']);
    expect(await help.exited).toBe(0);
    expect(help.output.stdout).toMatch(/^Usage: sluice-backfill --table <name>/);
    expect(help.output.stdout).toContain('--capacity-share');

    const bad = start([
      '--table',
      'Orders',
      '--module',
      MODULE,
      '--export',
      'taskTotals',
      '--segments',
      'many',
    ]);
    expect(await bad.exited).toBe(2);
    expect(bad.output.stderr).toBe(
      'sluice-backfill: --segments must be an integer from 1 to 1000000, got "many"\nRun sluice-backfill --help for usage.\n',
    );
  }, 30_000);

  it('stops at a page boundary on SIGINT (status 130) and, run again, resumes from its checkpoints to an exact result', async () => {
    const prefix = `${uniquePrefix('cli-e2e')}.`;
    const table = `${prefix}tasks`;
    await createTaskTable(dynamodb, table);
    const items = 200;
    for (let start = 0; start < items; start += 25)
      await dynamodb.send(
        new BatchWriteItemCommand({
          RequestItems: {
            [table]: Array.from({ length: 25 }, (_, i) => ({
              PutRequest: {
                Item: {
                  id: { S: `t${start + i}` },
                  list: { S: `l${(start + i) % 4}` },
                  points: { N: '1' },
                },
              },
            })),
          },
        }),
      );
    const created = await createProjectionTables(dynamodb, [
      tableSpec(`${prefix}totals`, 'list'),
      markerTableSpec(`${prefix}markers`),
      segmentCheckpointTableSpec(`${prefix}segments`),
    ]);
    if (E.isLeft(created)) throw new Error(created.left.message);
    const args = [
      '--endpoint',
      connection.endpoint,
      '--table',
      table,
      '--module',
      MODULE,
      '--export',
      'taskTotals',
      '--table-prefix',
      prefix,
      '--checkpoint-table',
      `${prefix}segments`,
      '--segments',
      '2',
      '--page-size',
      '10',
      '--progress',
      'lines',
      '--progress-interval',
      '0.05',
    ];

    const first = start([...args, '--items-per-second', '40']);
    await until(() => /\d+ \/ ~200 items/.test(first.output.stderr));
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(130);
    expect(first.output.stdout).toContain('stopped (run again to resume)');

    const second = start(args);
    expect(await second.exited).toBe(0);
    expect(second.output.stdout).toMatch(/complete: \d+ items/);
    const resumed = Number(/resumed: (\d+) items/.exec(second.output.stdout)?.[1]);
    expect(resumed).toBeGreaterThan(0);
    expect(resumed).toBeLessThan(items);
    const totals = [...(await scanTable(documentClient, `${prefix}totals`))].sort((a, b) =>
      String(a.list).localeCompare(String(b.list)),
    );
    expect(totals).toEqual(
      ['l0', 'l1', 'l2', 'l3'].map((list) => ({ list, count: items / 4, points: items / 4 })),
    );
  }, 60_000);
});

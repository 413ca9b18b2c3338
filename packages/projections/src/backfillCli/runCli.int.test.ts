import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, it } from 'vitest';
import { segmentCheckpointTableSpec } from '../backfill/dynamoDbSegmentCheckpoints.js';
import { scanTable } from '../dynamodb/store/scanTable.js';
import { createProjectionTables } from '../dynamodb/tables/createProjectionTables.js';
import { markerTableSpec, tableSpec } from '../dynamodb/tables/tableSpec.js';
import { connectLocal, uniquePrefix } from '../dynamodb/testSupport/localDynamoDb.js';
import type { Row } from '../plan/row.js';
import { createLeaseTable } from '../poller/lease/createLeaseTable.js';
import { createTaskTable } from '../poller/testSupport/taskTables.js';
import { activeVersionsTableSpec } from '../rebuild/dynamoDbActiveVersions.js';
import { emfViolations } from '../telemetry/testSupport/emfSpecification.js';
import { runCli } from './runCli.js';

const connection = connectLocal();
const { dynamodb, documentClient } = connection.clients;
afterAll(() => connection.destroy());

const MODULE = fileURLToPath(new URL('./testSupport/cliProjections.ts', import.meta.url));
const ITEMS = 60;

const cli = async (argv: string[]) => {
  let stdout = '';
  let stderr = '';
  const status = await runCli(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: {},
    cwd: process.cwd(),
  });
  return { status, stdout, stderr };
};

const expectedTotals = () => {
  const totals = new Map<string, { list: string; count: number; points: number }>();
  for (let i = 0; i < ITEMS; i++) {
    const list = `l${i % 4}`;
    const row = totals.get(list) ?? { list, count: 0, points: 0 };
    totals.set(list, { list, count: row.count + 1, points: row.points + (i % 6) });
  }
  return [...totals.values()];
};

const sortedByList = (rows: readonly Row[]) =>
  [...rows].sort((a, b) => String(a.list).localeCompare(String(b.list)));

describe('sluice-backfill against DynamoDB Local', () => {
  it('backfills, following the stream with a poller; rebuilds into versioned tables and switches readers once', async () => {
    const prefix = `${uniquePrefix('cli')}.`;
    const table = `${prefix}tasks`;
    await createTaskTable(dynamodb, table);
    for (let start = 0; start < ITEMS; start += 25)
      await dynamodb.send(
        new BatchWriteItemCommand({
          RequestItems: {
            [table]: Array.from({ length: Math.min(25, ITEMS - start) }, (_, i) => ({
              PutRequest: {
                Item: {
                  id: { S: `t${start + i}` },
                  list: { S: `l${(start + i) % 4}` },
                  points: { N: String((start + i) % 6) },
                },
              },
            })),
          },
        }),
      );
    const created = await createProjectionTables(dynamodb, [
      tableSpec(`${prefix}totals`, 'list'),
      markerTableSpec(`${prefix}markers`),
      tableSpec(`${prefix}history`, 'entityId', 'change'),
      tableSpec(`${prefix}totals-v1`, 'list'),
      markerTableSpec(`${prefix}markers-v1`),
      segmentCheckpointTableSpec(`${prefix}segments`),
      activeVersionsTableSpec(`${prefix}versions`),
    ]);
    if (E.isLeft(created)) throw new Error(created.left.message);
    await createLeaseTable(dynamodb, `${prefix}leases`);
    await createLeaseTable(dynamodb, `${prefix}leases-v1`);
    const endpoint = connection.endpoint;
    const common = [
      '--endpoint',
      endpoint,
      '--table',
      table,
      '--module',
      MODULE,
      '--table-prefix',
      prefix,
    ];

    const metricsFile = join(tmpdir(), `${uniquePrefix('metrics')}.jsonl`);
    const first = await cli([
      ...common,
      '--metrics-file',
      metricsFile,
      '--export',
      'taskTotals',
      '--export',
      'taskHistory',
      '--follow',
      '--lease-table',
      `${prefix}leases`,
      '--checkpoint-table',
      `${prefix}segments`,
      '--segments',
      '2',
      '--page-size',
      '7',
      '--progress',
      'lines',
    ]);
    expect(first.stderr).toContain(`scanning ${table} in 2 segments`);
    expect(first.stdout).toMatch(
      /complete: 60 items in .*\n {2}writes: .*\n {2}live stream: caught up/,
    );
    expect(first.status).toBe(0);
    expect(sortedByList(await scanTable(documentClient, `${prefix}totals`))).toEqual(
      expectedTotals(),
    );
    const history = await scanTable(documentClient, `${prefix}history`);
    expect(history.filter((row) => row.eventName === 'SNAPSHOT')).toHaveLength(ITEMS);
    // The metrics file: valid EMF for the scan, the DynamoDB requests and the summary.
    const lines = readFileSync(metricsFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const emf = lines.filter((line) => line._aws !== undefined);
    expect(emf.flatMap((line) => emfViolations(JSON.stringify(line)))).toEqual([]);
    const sum = (name: string) => emf.reduce((total, line) => total + (line[name] ?? 0), 0);
    expect(sum('ItemsScanned')).toBe(ITEMS);
    expect(sum('Requests')).toBeGreaterThan(0);
    expect(
      emf.some((line) => line.Service === 'sluice-backfill' && line.Runner === 'backfill'),
    ).toBe(true);
    expect(lines.some((line) => line.message === 'backfill finished')).toBe(true);

    const rebuildArgs = [
      ...common,
      '--export',
      'taskTotals',
      '--follow',
      '--lease-table',
      `${prefix}leases-v1`,
      '--versions-table',
      `${prefix}versions`,
      '--progress',
      'none',
    ];
    const rebuilt = await cli(rebuildArgs);
    expect(rebuilt.stdout).toContain('readers switched: taskTotals v- → v1');
    expect(rebuilt.status).toBe(0);
    expect(sortedByList(await scanTable(documentClient, `${prefix}totals-v1`))).toEqual(
      expectedTotals(),
    );
    const again = await cli(rebuildArgs);
    expect(again).toMatchObject({ status: 0 });
    expect(again.stdout).toContain('version 1 of taskTotals is already active');
  }, 90_000);

  it('rejects a module export that is missing or not a projection with status 2', async () => {
    const missing = await cli(['--table', 'x', '--module', MODULE, '--export', 'taskTotalz']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(
      /has no export "taskTotalz" \(projections it exports: taskTotals, taskHistory\)/,
    );
    const wrong = await cli(['--table', 'x', '--module', MODULE, '--export', 'notAProjection']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/is not a projection/);
    const nowhere = await cli(['--table', 'x', '--module', './no/such/module.js', '--export', 'a']);
    expect(nowhere.status).toBe(2);
    expect(nowhere.stderr).toMatch(/cannot load module .\/no\/such\/module.js/);
  });
});

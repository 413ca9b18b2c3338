import { describe, expect, it } from 'vitest';
import { CHECK_PASSED } from './report/printSummary.js';
import { silentProgress } from './report/progress.js';
import { runDemo } from './runDemo.js';

describe('the demo, in memory', () => {
  it('runs the three examples with faults injected and finds every projection exact', async () => {
    let text = '';
    const out = { write: (chunk: string) => (text += chunk) };

    const exact = await runDemo(
      { orders: 80, tasks: 120, seed: 7, dynamodbLocal: false },
      out,
      {},
      silentProgress,
    );

    expect(exact).toBe(true);
    expect(text).toContain(CHECK_PASSED);
    for (const table of ['orderTotals', 'orderHistory', 'todoTaskCount', 'todoListTaskArchived'])
      expect(text).toContain(`${table}:`);
    expect(text).toMatch(/poison records +\d+ of \d+ malformed items/);
  });
});

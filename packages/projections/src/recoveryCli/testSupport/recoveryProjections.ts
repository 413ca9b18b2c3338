// A user's projections module, as `sluice-recover --module` loads it: the task projections with the fixed codec.

import { tasksWith } from '../../redrive/testSupport/poisonedRun.js';
import { TaskCodec } from '../../testSupport/taskHistory.js';

const [history, totals, archive] = tasksWith(TaskCodec);

/** Every change of a task. */
export const taskHistory = history!;
/** Tasks and points per list. */
export const listTotals = totals!;
/** Removed tasks. */
export const taskArchive = archive!;

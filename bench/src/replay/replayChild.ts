// Runs one replay in this process and prints its result as JSON: `runReplayInChild` starts it, so
// the replay has a heap of its own and its RSS means something.
import { replay } from './replay.js';

const options = JSON.parse(process.argv[2] ?? '{}');
process.stdout.write(`${JSON.stringify(await replay(options))}\n`);

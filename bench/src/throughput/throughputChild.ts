// Runs the batch throughput measurement in this process and prints its result as JSON:
// `runThroughputInChild` starts it with the heap flags Lambda's Node.js runtime uses.
import { measureThroughput } from './measureThroughput.js';

const options = JSON.parse(process.argv[2] ?? '{}');
process.stdout.write(`${JSON.stringify(await measureThroughput(options))}\n`);

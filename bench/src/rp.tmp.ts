import { runReplayInChild } from './replay/runReplayInChild.js';
const t0 = Date.now();
console.log(JSON.stringify(await runReplayInChild({ changes: +(process.argv[2] ?? 100000) }), null, 1), (Date.now() - t0) / 1000);

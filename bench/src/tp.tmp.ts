import { measureThroughput } from './throughput/measureThroughput.js';
const r = await measureThroughput({ records: 10000, warmUp: 3, rounds: 15 });
for (const k of ['handWritten','powertools','sluice','sluiceDecodeOnly','sluiceDecodeAndPlan'] as const) console.log(k, (r as any)[k].medianMs.toFixed(1), Math.round((r as any)[k].recordsPerSecond));
console.log(r.mix);

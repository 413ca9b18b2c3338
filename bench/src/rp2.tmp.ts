import { replay } from './replay/replay.js';
const c0 = process.cpuUsage();
const r = await replay({ changes: +(process.argv[2] ?? 50000) });
const c = process.cpuUsage(c0);
console.log(Math.round(r.eventsPerSecond), Math.round(r.endToEndEventsPerSecond), 'replay s', r.replaySeconds.toFixed(2), 'gen s', r.generationSeconds.toFixed(2), 'cpu s', ((c.user + c.system) / 1e6).toFixed(2));

import { orderLineEvent } from './orders/orderLineEvent.js';
import { sluiceBatch, sluiceDecode, sluiceDecodeAndPlan } from './throughput/sluiceBatch.js';
import { handWrittenUnmarshall } from './throughput/handWrittenUnmarshall.js';
const { event } = orderLineEvent(10000);
for (let i = 0; i < 3; i++) { if (process.argv[2] === 'batch') await sluiceBatch(event); else if (process.argv[2] === 'decode') sluiceDecode(event); else handWrittenUnmarshall(event); }
const which = process.argv[2];
const t0 = performance.now(); const c0 = process.cpuUsage();
for (let i = 0; i < 20; i++) {
  if (which === 'batch') await sluiceBatch(event);
  else if (which === 'decode') sluiceDecode(event);
  else if (which === 'plan') sluiceDecodeAndPlan(event);
  else handWrittenUnmarshall(event);
}
const c = process.cpuUsage(c0); console.log(which, ((performance.now() - t0) / 20).toFixed(1), 'ms/round wall', ((c.user + c.system) / 20000).toFixed(1), 'ms/round cpu');

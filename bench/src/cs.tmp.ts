import { measureColdStart } from './coldStart/measureColdStart.js';
console.log(JSON.stringify(await measureColdStart({ imports: 5, outDir: new URL('../.tmp/cs', import.meta.url).pathname }), null, 1));

// `pnpm --filter @sluice/example-orders run template`: writes template.json from the definitions.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ordersTemplate } from './ordersTemplate.js';
import { templateText } from './templateText.js';

const path = fileURLToPath(new URL('../../template.json', import.meta.url));
writeFileSync(path, templateText(ordersTemplate()));
console.log(`wrote ${path}`);

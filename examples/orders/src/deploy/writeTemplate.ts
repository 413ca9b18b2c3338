// `pnpm --filter @sluice/example-orders run template`: writes template.json from the definitions.
import { fileURLToPath } from 'node:url';
import { writeTemplate } from '@sluice/example-deploy';
import { ordersTemplate } from './ordersTemplate.js';

writeTemplate(ordersTemplate(), fileURLToPath(new URL('../../template.json', import.meta.url)));

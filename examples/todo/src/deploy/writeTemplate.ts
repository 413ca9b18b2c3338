// `pnpm --filter @sluice/example-todo run template`: writes template.json from the definitions.
import { fileURLToPath } from 'node:url';
import { writeTemplate } from '@sluice/example-deploy';
import { todoTemplate } from './todoTemplate.js';

writeTemplate(todoTemplate(), fileURLToPath(new URL('../../template.json', import.meta.url)));

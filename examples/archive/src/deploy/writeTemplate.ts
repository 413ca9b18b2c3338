// `pnpm --filter @sluice/example-archive run template`: writes template.json from the definitions.
import { fileURLToPath } from 'node:url';
import { writeTemplate } from '@sluice/example-deploy';
import { archiveTemplate } from './archiveTemplate.js';

writeTemplate(archiveTemplate(), fileURLToPath(new URL('../../template.json', import.meta.url)));

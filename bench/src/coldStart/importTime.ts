import { spawn } from 'node:child_process';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';

/** How a fresh process imports the handler: alone, or with the AWS SDK already loaded (as a warm runtime has it cached). */
export type ImportMode = 'total' | 'withoutSdk';

const SDK = ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'];

/**
 * Milliseconds a fresh `node` process takes to `import()` the bundle, as Lambda's runtime does at a
 * cold start. With `withoutSdk`, the AWS SDK modules are imported first and not timed, leaving the
 * handler's own code.
 */
export const importTime = (bundle: string, mode: ImportMode): Promise<number> => {
  const preload =
    mode === 'withoutSdk' ? SDK.map((m) => `await import(${JSON.stringify(m)});`) : [];
  const script = [
    ...preload,
    'const start = performance.now();',
    `await import(${JSON.stringify(pathToFileURL(bundle).href)});`,
    'process.stdout.write(String(performance.now() - start));',
  ].join('\n');
  return new Promise((resolve, reject) => {
    // cwd next to the bundle, so bare specifiers resolve to the same SDK the bundle imports.
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: dirname(bundle),
      env: { PATH: process.env.PATH, AWS_REGION: 'us-east-1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(out);
      if (code === 0 && Number.isFinite(ms)) resolve(ms);
      else reject(new Error(`importing ${bundle} failed (exit ${code}): ${err}`));
    });
  });
};

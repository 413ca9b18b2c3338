// `pnpm demo [options]`: the three examples end to end; `--help` lists the options.
import * as E from 'fp-ts/lib/Either.js';
import { parseArgs } from './cli/parseArgs.js';
import { usage } from './cli/usage.js';
import { runOnDynamoDBLocal } from './local/runOnDynamoDBLocal.js';
import { runDemo } from './runDemo.js';

// The AWS SDK warns on Node.js 20 that its releases after January 2027 will need Node.js 22:
// true, but not the demo's business, and it would land in the middle of the progress line.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const command = parseArgs(process.argv.slice(2));
if (E.isLeft(command)) {
  process.stderr.write(
    `demo: ${command.left.message}\nRun \`pnpm demo --help\` to see the options.\n`,
  );
  process.exit(2);
}
if (command.right._tag === 'Help') {
  process.stdout.write(usage);
  process.exit(0);
}
try {
  const exact = await runDemo(command.right.options, process.stdout, {
    dynamodbLocal: runOnDynamoDBLocal,
  });
  process.exitCode = exact ? 0 : 1;
} catch (error) {
  process.stderr.write(
    `demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
}

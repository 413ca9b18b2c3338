import { DynamoDBLocalStartError, installJavaHint } from './dynamodbLocalStartError.js';

const PORT_TAKEN = /Could not start server on port|Address already in use|BindException/;
const JAVA_TOO_OLD = /UnsupportedClassVersionError|has been compiled by a more recent version/;

/** What a launch that never answered left behind. */
export interface FailedLaunch {
  readonly java: string;
  readonly port: number;
  readonly endpoint: string;
  readonly timeoutMs: number;
  /** Java's last output, stdout and stderr together. */
  readonly output: string;
  readonly spawnError: NodeJS.ErrnoException | undefined;
  /** How the process ended, if it did. */
  readonly exit: { readonly code: number | null; readonly signal: string | null } | undefined;
}

/** Why DynamoDB Local did not answer: no Java, a taken port, an old Java, an early exit, or time. */
export const startFailure = (launch: FailedLaunch): DynamoDBLocalStartError => {
  const { java, output, spawnError, exit } = launch;
  if (spawnError?.code === 'ENOENT') {
    return new DynamoDBLocalStartError('JavaMissing', `Cannot run \`${java}\`. ${installJavaHint}`);
  }
  if (spawnError !== undefined) {
    return new DynamoDBLocalStartError(
      'ProcessExited',
      `Cannot run \`${java}\`: ${spawnError.message}`,
    );
  }
  if (PORT_TAKEN.test(output)) {
    return new DynamoDBLocalStartError('PortInUse', `Port ${launch.port} is taken.`, output);
  }
  if (JAVA_TOO_OLD.test(output)) {
    return new DynamoDBLocalStartError(
      'JavaMissing',
      `\`${java}\` is too old. ${installJavaHint}`,
      output,
    );
  }
  if (exit !== undefined) {
    return new DynamoDBLocalStartError(
      'ProcessExited',
      `DynamoDB Local exited (code ${exit.code}, signal ${exit.signal}) before answering.`,
      output,
    );
  }
  return new DynamoDBLocalStartError(
    'NotReady',
    `DynamoDB Local did not answer on ${launch.endpoint} within ${launch.timeoutMs} ms.`,
    output,
  );
};

/** Why DynamoDB Local could not be started. */
export type DynamoDBLocalStartFailure =
  | 'JavaMissing'
  | 'JarMissing'
  | 'ProcessExited'
  | 'NotReady'
  | 'PortInUse';

/**
 * DynamoDB Local did not come up. Thrown (not returned) because nothing can run without it: a test
 * setup should stop right there, with a message that says what to do.
 */
export class DynamoDBLocalStartError extends Error {
  readonly _tag = 'DynamoDBLocalStartError';
  override readonly name = 'DynamoDBLocalStartError';

  constructor(
    readonly reason: DynamoDBLocalStartFailure,
    message: string,
    /** The tail of what Java printed, to diagnose a crash. */
    readonly output: string = '',
  ) {
    super(output === '' ? message : `${message}\n--- DynamoDB Local output ---\n${output}`);
  }
}

/** The hint printed whenever Java is missing or too old. */
export const installJavaHint =
  'DynamoDB Local needs a Java runtime 17 or newer on PATH (or JAVA_HOME): ' +
  'e.g. `apt-get install -y openjdk-17-jre-headless` (Debian/Ubuntu), ' +
  '`brew install openjdk@17` (macOS), or pass `java: "/path/to/bin/java"`.';

/** The text of `sluice-recover --help`. */
export const RECOVERY_USAGE = `Usage: sluice-recover <command> --module <file> --export <name> --dead-letter-table <name> [options]

Brings back what the projections missed in production.

Commands
  redrive          reads each projection's letters from the dead-letter table, decodes every
                   record again with the projection's current codec, applies what decodes now
                   (idempotently: a letter whose item changed since changes nothing) and removes
                   its letter; letters still refused stay. Safe to stop and run again.
  failed-batches   reads Lambda's on-failure records (DDBStreamBatchInfo JSON, from --file or
                   stdin: one document, an array, JSON lines, or SQS messages) and, while within
                   the stream's 24-hour retention, re-reads exactly each batch's shard range and
                   runs the projections on it; past retention it names the projections that need
                   sluice-backfill --versions-table (a rebuild) and why.

Projections
  --module <file>              a JS or TS module (TS: run through tsx) exporting projections
  --export <name>              an exported projection (as deployed now); repeatable
  --table-prefix <prefix>      prefix of the projection tables' physical names
  --dead-letter-table <name>   the dead-letter table (see deadLetterTableSpec); required

Connection
  --endpoint <url>             DynamoDB endpoint, e.g. http://127.0.0.1:8000 for DynamoDB Local
  --region <region>            default: AWS_REGION, else us-east-1

redrive
  --dry-run                    decode and plan only: write nothing, remove no letter
  --batch-size <n>             letters per batch (default 100)
  --skip-unreadable            leave letters of records no projection could read (projection *)
  --beyond-replay-window       also apply letters of changes over 25 hours old (by default they
                               stay: the markers that would tell them stale may have expired;
                               safe for history projections, otherwise rebuild)

failed-batches
  --file <path>                the on-failure records; - or absent: stdin

  -h, --help                   show this help

Exit status: 0 done, 1 failed (run again), 2 bad arguments, 3 projections need a rebuild.
`;

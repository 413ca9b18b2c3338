/** The text of `--help`. */
export const USAGE = `Usage: sluice-backfill --table <name> --module <file> --export <name> [options]

Backfills projections on a DynamoDB table that already has data: scans the table (parallel,
paged, rate-limited) and feeds every item to the projections as a snapshot, then, with
--follow, consumes the table's stream until the projections have caught up. Changes made
during the scan are applied exactly once in effect. Run the same command again to resume
a backfill that was stopped (needs --checkpoint-table).

Source
  --table <name>               the table to scan (required)
  --endpoint <url>             DynamoDB endpoint, e.g. http://127.0.0.1:8000 for DynamoDB Local
                               (dummy credentials are used when none are set); default: AWS
  --region <region>            default: AWS_REGION, else us-east-1

Projections
  --module <file>              a JS or TS module (TS: run through tsx) exporting projections
  --export <name>              an exported projection, or { projection, snapshot } to give
                               it a snapshot plan (e.g. historySnapshot); repeatable
  --table-prefix <prefix>      prefix of the projection tables' physical names

Scan
  --segments <n>               parallel scan segments (default 4)
  --page-size <n>              items per Scan page (default: DynamoDB's 1 MB pages)
  --read-units <n>             read at most n read capacity units per second
  --capacity-share <x>         read at most this share (0-1] of the provisioned read capacity
  --items-per-second <n>       read at most n items per second
  --consistent-read            strongly consistent pages (twice the read units)

Resume
  --checkpoint-table <name>    per-segment checkpoints (partition key backfillId S, sort key
                               segment N); without it a stopped backfill starts over
  --backfill-id <id>           names the checkpoints (default <table>:<projection>@<version>,...)

Stream
  --follow                     run a stream poller for the projections from before the scan
                               until it has caught up; later pollers with the same lease table
                               continue from its checkpoints. Without --follow, a consumer of
                               these projections (Lambda or poller) must already be running.
  --lease-table <name>         the poller's lease table (required with --follow); resume with
                               the same one, or the run cannot claim to have caught up
  --starting-position <p>      TRIM_HORIZON (default) or LATEST, for a lease table's first use
                               (LATEST is stored as each shard's position at that moment)

Rebuild (blue/green)
  --versions-table <name>      build the projection's current version into <table>-v<version>
                               tables, then switch readers in this table (partition key
                               projection S); one --export, needs --follow with a lease
                               table of this version's own (each version is a consumer group)

Output
  --metrics-file <file>        append CloudWatch EMF metrics and JSON logs (scan pages, live
                               batches, DynamoDB requests and retries) to this file
  --dead-letters <file>        write items a projection refused as JSON lines
  --progress <mode>            auto (default: a bar on a terminal, lines otherwise), bar, lines, none
  --progress-interval <s>      seconds between progress lines (default 10)
  -h, --help                   show this help

Exit status: 0 done, 1 failed (or, with --follow, changes made between two runs may be
missing: start over with another --backfill-id), 2 bad arguments, 130 stopped (SIGINT/SIGTERM;
resumable).
`;

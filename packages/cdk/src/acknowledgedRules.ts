import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** A rule a construct acknowledges (suppresses), and why. */
export interface AcknowledgedRule {
  readonly path: string;
  readonly id: string;
  readonly reason: string;
}

/** Every rule acknowledged in a construct tree (`Validations.of(c).acknowledge`), for an audit. */
export const acknowledgedRules = (scope: IConstruct): AcknowledgedRule[] =>
  scope.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          // aws-cdk-lib records plain rule ids with an `Annotation::` prefix.
          id: id.replace(/^annotation::/i, ''),
          reason,
        })),
      ),
  );

import type { DeadLetterTable } from '@sluice/projections';
import { deadLetterTableSpec, dynamoDbDeadLetters } from '@sluice/projections/dynamodb';
import { tableVariable } from './tableEnvironment.js';

/** The stack's dead-letter table: one item per (projection, eventID), read back by redrive. */
export const deadLettersTable = deadLetterTableSpec('deadLetters');

/**
 * The dead-letter table the template gives the function (`DEAD_LETTERS_TABLE`); a missing
 * variable fails the cold start rather than lose poison records.
 */
export const deployedDeadLetters = (
  client: Parameters<typeof dynamoDbDeadLetters>[0]['client'],
  env: Readonly<Record<string, string | undefined>>,
): DeadLetterTable => {
  const variable = tableVariable(deadLettersTable);
  const tableName = env[variable];
  if (tableName === undefined || tableName === '')
    throw new Error(`${variable} is not set (the deployed name of the dead-letter table)`);
  return dynamoDbDeadLetters({ client, tableName });
};

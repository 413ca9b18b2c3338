import { type TableSpec, tableSpec } from '../dynamodb/tables/tableSpec.js';

/**
 * The table of `dynamoDbDeadLetters`: partition key `projection`, sort key `letterId` (the
 * record's eventID), so one Query lists a projection's letters and a redelivery finds its letter.
 */
export const deadLetterTableSpec = (tableName: string): TableSpec =>
  tableSpec(tableName, 'projection', 'letterId');

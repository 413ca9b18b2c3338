import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbLocalEndpoint: string;
  }
}

/** The endpoint of the one DynamoDB Local the Vitest global setup started for the run. */
export const dynamodbLocalEndpoint = (): string => inject('dynamodbLocalEndpoint');

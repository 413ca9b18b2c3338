/**
 * An AttributeValue as either AWS shape carries it: Lambda JSON (`@types/aws-lambda`, binary as
 * base64 text) or the SDK v3 (`@aws-sdk/client-dynamodb(-streams)`, binary as `Uint8Array`).
 * A loose structural type for editor help; every value is still validated at runtime.
 */
export interface AttributeValueInput {
  readonly S?: string | undefined;
  readonly N?: string | undefined;
  readonly B?: string | Uint8Array | undefined;
  readonly BOOL?: boolean | undefined;
  readonly NULL?: boolean | undefined;
  readonly M?: AttributeMapInput | undefined;
  readonly L?: ReadonlyArray<AttributeValueInput> | undefined;
  readonly SS?: ReadonlyArray<string> | undefined;
  readonly NS?: ReadonlyArray<string> | undefined;
  readonly BS?: ReadonlyArray<string | Uint8Array> | undefined;
}

/** A map of attribute names to AttributeValues: an item, its `Keys`, a `NewImage` or an `OldImage`. */
export interface AttributeMapInput {
  readonly [name: string]: AttributeValueInput;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRecordJson, recordJson } from './recordJson.js';

describe('recordJson', () => {
  it('gives back a Streams API record with its Date and binary attributes as they were', () => {
    const record = {
      eventID: 'e',
      dynamodb: {
        ApproximateCreationDateTime: new Date('2026-01-02T03:04:05.000Z'),
        Keys: { id: { B: new Uint8Array([0, 1, 255]) } },
        NewImage: { tags: { BS: [new Uint8Array([7]), new Uint8Array([])] } },
      },
    };
    const back = parseRecordJson(recordJson(record)) as typeof record;
    expect(back).toEqual(record);
    expect(back.dynamodb.ApproximateCreationDateTime).toBeInstanceOf(Date);
    expect(back.dynamodb.Keys.id.B).toBeInstanceOf(Uint8Array);
  });

  it('leaves any JSON value as it was, even one that looks like a tag', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(parseRecordJson(recordJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
    const lookalike = { __sluice$date: { S: 'not a tag' } };
    expect(parseRecordJson(recordJson(lookalike))).toEqual(lookalike);
  });
});

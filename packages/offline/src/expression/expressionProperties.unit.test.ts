import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { admitAttributes } from '../table/admitValue.js';
import { applyUpdate } from './applyUpdate.js';
import { compileExpressions } from './compileExpressions.js';
import { evaluateCondition } from './evaluateCondition.js';
import { project } from './project.js';
import { readPath } from './readPath.js';
import {
  arbitraryConditionCase,
  arbitraryItem,
  arbitraryUpdateCase,
} from './testSupport/arbitraryUpdateCase.js';
import { printCondition, printUpdate } from './testSupport/printExpression.js';
import type { UpdateCase } from './testSupport/updateCase.js';

const compiles = (c: UpdateCase) => {
  try {
    return compileExpressions({
      update: c.update,
      ...(c.condition !== undefined ? { condition: c.condition } : {}),
      ...(c.names !== undefined ? { names: c.names } : {}),
      ...(c.values !== undefined ? { values: c.values } : {}),
    });
  } catch {
    return undefined;
  }
};

const value: fc.Arbitrary<AttributeValue> = fc.oneof(
  fc.integer().map((n) => ({ N: String(n) })),
  fc.string().map((S) => ({ S })),
  fc
    .array(
      fc.integer().map((n) => ({ N: String(n) })),
      { maxLength: 2 },
    )
    .map((L) => ({ L })),
);

describe('expression properties', () => {
  it('printing a parsed update and parsing it again gives the same update', () => {
    fc.assert(
      fc.property(arbitraryUpdateCase, (c) => {
        const update = compiles(c)?.update;
        fc.pre(update !== undefined);
        if (update === undefined) return;
        const printed = printUpdate(update);
        const again = compileExpressions({
          update: printed.text,
          names: printed.names,
          ...(Object.keys(printed.values).length > 0 ? { values: printed.values } : {}),
        });
        expect(again.update).toEqual(update);
      }),
      { numRuns: 500 },
    );
  });

  it('printing a parsed condition and parsing it again gives the same condition', () => {
    fc.assert(
      fc.property(arbitraryConditionCase, (c) => {
        const condition = compiles(c)?.condition;
        fc.pre(condition !== undefined);
        if (condition === undefined) return;
        const printed = printCondition(condition);
        const again = compileExpressions({
          condition: printed.text,
          names: printed.names,
          ...(Object.keys(printed.values).length > 0 ? { values: printed.values } : {}),
        });
        expect(again.condition).toEqual(condition);
      }),
      { numRuns: 500 },
    );
  });

  it('a condition and its NOT never agree, on any item', () => {
    fc.assert(
      fc.property(arbitraryConditionCase, (c) => {
        const condition = compiles(c)?.condition;
        fc.pre(condition !== undefined);
        if (condition === undefined) return;
        const item = c.item && admitAttributes(c.item, { size: 0 });
        const negated = { kind: 'not', condition } as const;
        expect(evaluateCondition(negated, item)).toBe(!evaluateCondition(condition, item));
      }),
    );
  });

  it('after SET of a path, the item holds the value at that path', () => {
    fc.assert(
      fc.property(
        arbitraryItem,
        fc.constantFrom('a', 'm.x', 'l[0]', 'l[1]', 'l[9]', 'm.x.y'),
        value,
        (raw, path, v) => {
          const item = admitAttributes(raw, { size: 0 });
          const compiled = compileExpressions({ update: `SET ${path} = :v`, values: { ':v': v } });
          const update = compiled.update as NonNullable<typeof compiled.update>;
          let result: ReturnType<typeof applyUpdate>;
          try {
            result = applyUpdate(update, item);
          } catch (error) {
            // Only a path whose parent is missing or of the wrong type may be refused.
            expect((error as Error).message).toMatch(/document path provided/);
            return;
          }
          const written = result.updatedPaths[0] as readonly (string | number)[];
          expect(readPath(result.item, written)).toEqual(admitAttributes({ v }, { size: 0 }).v);
        },
      ),
    );
  });

  it('REMOVE after SET of a new attribute leaves the item as it was', () => {
    fc.assert(
      fc.property(arbitraryItem, fc.constantFrom('fresh', 'm.fresh'), value, (raw, path, v) => {
        const item = admitAttributes(raw, { size: 0 });
        const set = compileExpressions({ update: `SET ${path} = :v`, values: { ':v': v } }).update;
        const remove = compileExpressions({ update: `REMOVE ${path}` }).update;
        if (set === undefined || remove === undefined) throw new Error('both parse');
        let afterSet: ReturnType<typeof applyUpdate>;
        try {
          afterSet = applyUpdate(set, item);
        } catch {
          return; // `m` missing or not a map
        }
        expect(applyUpdate(remove, afterSet.item).item).toEqual(item);
      }),
    );
  });

  it('an update never changes the item it was given', () => {
    fc.assert(
      fc.property(arbitraryUpdateCase, (c) => {
        const update = compiles(c)?.update;
        fc.pre(update !== undefined && c.item !== undefined);
        if (update === undefined || c.item === undefined) return;
        const item = admitAttributes(c.item, { size: 0 });
        const before = structuredClone(item);
        try {
          applyUpdate(update, item);
        } catch {
          // runtime errors are fine here
        }
        expect(item).toEqual(before);
      }),
    );
  });

  it('projecting every attribute of an item gives the item', () => {
    fc.assert(
      fc.property(arbitraryItem, (raw) => {
        const item = admitAttributes(raw, { size: 0 });
        const names = Object.keys(item);
        const placeholders = Object.fromEntries(names.map((n, i) => [`#a${i}`, n]));
        const compiled = compileExpressions({
          projection: Object.keys(placeholders).join(', '),
          names: placeholders,
        });
        expect(
          project(compiled.projection as NonNullable<typeof compiled.projection>, item),
        ).toEqual(item);
      }),
    );
  });
});

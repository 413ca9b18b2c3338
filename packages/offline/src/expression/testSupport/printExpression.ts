import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Condition, Operand, SetValue, Update } from '../ast.js';
import type { DocumentPath } from '../documentPath.js';

/** An expression as text with the placeholders it uses. */
export interface Printed {
  readonly text: string;
  readonly names: Record<string, string>;
  readonly values: Record<string, AttributeValue>;
}

/** Prints ASTs back to expression text; every name goes through a `#placeholder`. */
class Printer {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, AttributeValue> = {};
  private readonly byName = new Map<string, string>();

  path(path: DocumentPath): string {
    return path
      .map((step, i) => {
        if (typeof step === 'number') return `[${step}]`;
        let placeholder = this.byName.get(step);
        if (placeholder === undefined) {
          placeholder = `#n${this.byName.size}`;
          this.byName.set(step, placeholder);
          this.names[placeholder] = step;
        }
        return i === 0 ? placeholder : `.${placeholder}`;
      })
      .join('');
  }

  value(placeholder: string, value: AttributeValue): string {
    this.values[placeholder] = value;
    return placeholder;
  }

  operand(o: Operand): string {
    if (o.kind === 'path') return this.path(o.path);
    if (o.kind === 'value') return this.value(o.placeholder, o.value);
    return `size(${this.operand(o.operand)})`;
  }

  condition(c: Condition): string {
    switch (c.kind) {
      case 'compare':
        return `${this.operand(c.left)} ${c.op} ${this.operand(c.right)}`;
      case 'between':
        return `${this.operand(c.operand)} BETWEEN ${this.operand(c.low)} AND ${this.operand(c.high)}`;
      case 'in':
        return `${this.operand(c.operand)} IN (${c.list.map((o) => this.operand(o)).join(', ')})`;
      case 'function':
        return `${c.name}(${c.args.map((o) => this.operand(o)).join(', ')})`;
      case 'not':
        return `NOT (${this.condition(c.condition)})`;
      case 'and':
      case 'or':
        return `(${this.condition(c.left)}) ${c.kind.toUpperCase()} (${this.condition(c.right)})`;
    }
  }

  setValue(v: SetValue): string {
    switch (v.kind) {
      case 'path':
      case 'value':
        return this.operand(v);
      case 'if_not_exists':
        return `if_not_exists(${this.path(v.path)}, ${this.setValue(v.fallback)})`;
      case 'list_append':
        return `list_append(${this.setValue(v.first)}, ${this.setValue(v.second)})`;
      case 'arithmetic':
        return `${this.setValue(v.left)} ${v.op} ${this.setValue(v.right)}`;
    }
  }

  update(u: Update): string {
    const clauses = new Map<string, string[]>();
    for (const a of u.actions) {
      const text =
        a.kind === 'SET'
          ? `${this.path(a.path)} = ${this.setValue(a.value)}`
          : a.kind === 'REMOVE'
            ? this.path(a.path)
            : `${this.path(a.path)} ${this.value(a.value.placeholder, a.value.value)}`;
      clauses.set(a.kind, [...(clauses.get(a.kind) ?? []), text]);
    }
    return [...clauses].map(([kind, actions]) => `${kind} ${actions.join(', ')}`).join(' ');
  }
}

const printed = (printer: Printer, text: string): Printed => ({
  text,
  names: printer.names,
  values: printer.values,
});

/** A condition as text and placeholders. */
export const printCondition = (c: Condition): Printed => {
  const printer = new Printer();
  return printed(printer, printer.condition(c));
};

/** An update as text and placeholders. */
export const printUpdate = (u: Update): Printed => {
  const printer = new Printer();
  return printed(printer, printer.update(u));
};

import type { AttributeMap } from '../../item/attributeMap.js';
import { caseKey, type UpdateCase } from './updateCase.js';

/** The item most corpus cases start from. */
export const corpusItem: AttributeMap = {
  ...caseKey,
  n: { N: '5' },
  s: { S: 'hello' },
  l: { L: [{ N: '1' }, { N: '2' }, { M: { x: { N: '3' } } }] },
  m: { M: { a: { M: { b: { S: 'c' } } }, n: { N: '1' } } },
  ss: { SS: ['a', 'b'] },
  ns: { NS: ['1', '2'] },
  name: { S: 'reserved' },
  e: { L: [] },
  f: { BOOL: false },
};

const on = (name: string, update: string, more: Partial<UpdateCase> = {}): UpdateCase => ({
  name,
  item: corpusItem,
  update,
  ...more,
});

/** A fixed corpus of tricky expressions, run on both DynamoDB Local and the expression engine. */
export const updateCorpus: readonly UpdateCase[] = [
  on('reserved word through a name placeholder', 'SET #name = :v', {
    names: { '#name': 'name' },
    values: { ':v': { S: 'x' } },
  }),
  on('reserved word used bare', 'SET name = :v', { values: { ':v': { S: 'x' } } }),
  on('reserved word in lower and mixed case', 'SET Status = :v', { values: { ':v': { S: 'x' } } }),
  on('nested list index inside a map inside a list', 'SET l[2].x = :v', {
    values: { ':v': { N: '9' } },
  }),
  on('nested map path', 'SET m.a.b = :v, m.a.c = :w', {
    values: { ':v': { S: 'new' }, ':w': { N: '1' } },
  }),
  on('if_not_exists on a missing path', 'SET z = if_not_exists(gone, :v)', {
    values: { ':v': { N: '0' } },
  }),
  on('if_not_exists on an existing path', 'SET n = if_not_exists(n, :v) + :one', {
    values: { ':v': { N: '0' }, ':one': { N: '1' } },
  }),
  on('if_not_exists with a missing fallback path', 'SET z = if_not_exists(n, gone)'),
  on('if_not_exists on a missing nested path', 'SET m.q = if_not_exists(m.a.zz, :v)', {
    values: { ':v': { S: 'd' } },
  }),
  on('list_append of empty lists', 'SET z = list_append(:e, :e)', { values: { ':e': { L: [] } } }),
  on('list_append onto an empty list attribute', 'SET e = list_append(e, :v)', {
    values: { ':v': { L: [{ S: 'x' }] } },
  }),
  on('list_append prepends', 'SET l = list_append(:v, l)', {
    values: { ':v': { L: [{ N: '0' }] } },
  }),
  on('list_append with if_not_exists', 'SET z = list_append(if_not_exists(z, :e), :v)', {
    values: { ':e': { L: [] }, ':v': { L: [{ N: '7' }] } },
  }),
  on('list_append on a non-list', 'SET z = list_append(s, :v)', { values: { ':v': { L: [] } } }),
  on('list_append on a missing attribute', 'SET z = list_append(nope, :v)', {
    values: { ':v': { L: [] } },
  }),
  on('ADD to a number set', 'ADD ns :v', { values: { ':v': { NS: ['3', '1', '2.0'] } } }),
  on('ADD to a missing number set creates it', 'ADD newSet :v', {
    values: { ':v': { NS: ['10'] } },
  }),
  on('ADD to a number', 'ADD n :v', { values: { ':v': { N: '-5.5' } } }),
  on('ADD a number to a string set', 'ADD ss :v', { values: { ':v': { N: '1' } } }),
  on('ADD to a string', 'ADD s :v', { values: { ':v': { N: '1' } } }),
  on('ADD a string', 'ADD n :v', { values: { ':v': { S: '1' } } }),
  on('DELETE from a string set', 'DELETE ss :v', { values: { ':v': { SS: ['a', 'zz'] } } }),
  on('DELETE the last members removes the set', 'DELETE ss :v', {
    values: { ':v': { SS: ['a', 'b'] } },
  }),
  on('DELETE from a missing set', 'DELETE nope :v', { values: { ':v': { SS: ['a'] } } }),
  on('DELETE with a number', 'DELETE ns :v', { values: { ':v': { N: '1' } } }),
  on('REMOVE list elements by their original indexes', 'REMOVE l[0], l[2]'),
  on('REMOVE an index past the end', 'REMOVE l[7]'),
  on('REMOVE a nested map key and a missing attribute', 'REMOVE m.a.b, nope'),
  on('REMOVE under a missing parent', 'REMOVE nope.x'),
  on('REMOVE under a string', 'REMOVE s[0]'),
  on('SET an index past the end appends', 'SET l[10] = :v, e[3] = :v', {
    values: { ':v': { S: 'x' } },
  }),
  on('SET two indexes past the end', 'SET l[9] = :a, l[7] = :b', {
    values: { ':a': { S: 'a' }, ':b': { S: 'b' } },
  }),
  on('SET under a missing parent', 'SET nope.x = :v', { values: { ':v': { S: 'x' } } }),
  on('SET an index of a map', 'SET m[0] = :v', { values: { ':v': { S: 'x' } } }),
  on('arithmetic with a missing attribute', 'SET z = nope + :v', { values: { ':v': { N: '1' } } }),
  on('arithmetic on a string attribute', 'SET z = s + :v', { values: { ':v': { N: '1' } } }),
  on('arithmetic keeps decimal precision', 'SET z = :a + :b, y = :a - :b', {
    values: { ':a': { N: '0.1' }, ':b': { N: '0.2' } },
  }),
  on('38-digit arithmetic', 'SET z = :a + :b', {
    values: { ':a': { N: '99999999999999999999999999999999999999' }, ':b': { N: '1' } },
  }),
  on('SET values read the item before the update', 'SET n = :v, z = n', {
    values: { ':v': { N: '0' } },
  }),
  on('copy a nested value', 'SET z = m.a', {}),
  on('several clauses in any order', 'REMOVE s ADD n :one SET z = :one DELETE ss :a', {
    values: { ':one': { N: '1' }, ':a': { SS: ['a'] } },
  }),
  on('lower-case keywords', 'set z = :v remove s', { values: { ':v': { BOOL: true } } }),
  on('a clause twice', 'SET a = :v SET b = :v', { values: { ':v': { N: '1' } } }),
  on('overlapping paths', 'SET m = :v REMOVE m.a', { values: { ':v': { N: '1' } } }),
  on('conflicting paths', 'SET l[0] = :v, l.x = :v', { values: { ':v': { N: '1' } } }),
  on('the same path twice', 'SET a = :v, a = :v', { values: { ':v': { N: '1' } } }),
  on('updating the partition key', 'SET pk = :v', { values: { ':v': { S: 'x' } } }),
  on('syntax error', 'SET a = = :v', { values: { ':v': { N: '1' } } }),
  on('empty expression', '', { values: { ':v': { N: '1' } } }),
  on('unused value', 'SET a = :v', { values: { ':v': { N: '1' }, ':w': { N: '2' } } }),
  on('unused names', 'SET a = :v', {
    names: { '#b': 'b', '#a': 'a' },
    values: { ':v': { N: '1' } },
  }),
  on('undefined value', 'SET a = :x', { values: { ':v': { N: '1' } } }),
  on('undefined name', 'SET #a = :v', { values: { ':v': { N: '1' } } }),
  on('empty names map', 'SET a = :v', { names: {}, values: { ':v': { N: '1' } } }),
  on('size in an update', 'SET z = size(s)', {}),
  on('update on a missing item', 'SET z = :v ADD c :one', {
    item: undefined,
    values: { ':v': { S: 'x' }, ':one': { N: '1' } },
  }),
  on('condition holds', 'SET z = :v', {
    condition: 'attribute_exists(s) AND n BETWEEN :lo AND :hi',
    values: { ':v': { S: 'x' }, ':lo': { N: '1' }, ':hi': { N: '9' } },
  }),
  on('condition fails', 'SET z = :v', {
    condition: 'attribute_not_exists(pk)',
    values: { ':v': { S: 'x' } },
  }),
  on('condition on a missing item', 'SET z = :v', {
    item: undefined,
    condition: 'attribute_not_exists(pk)',
    values: { ':v': { S: 'x' } },
  }),
  on('NOT binds tighter than AND, AND tighter than OR', 'SET z = :v', {
    condition: 'NOT n = :v OR s = :v AND n = :v',
    values: { ':v': { S: 'x' } },
  }),
  on('comparison across types is false, <> true', 'SET z = :v', {
    condition: 's < :n OR NOT s <> :n',
    values: { ':v': { S: 'x' }, ':n': { N: '1' } },
  }),
  on('missing attribute <> value is true', 'SET z = :v', {
    condition: 'nope <> :v',
    values: { ':v': { S: 'x' } },
  }),
  on('IN list', 'SET z = :v', {
    condition: 'n IN (:a, :b, :c)',
    values: { ':v': { S: 'x' }, ':a': { N: '1' }, ':b': { N: '5.0' }, ':c': { S: '5' } },
  }),
  on('size, contains, begins_with, attribute_type', 'SET z = :v', {
    condition:
      'size(l) = :three AND contains(ss, :a) AND contains(s, :ell) AND begins_with(s, :he) AND attribute_type(m, :M) AND contains(l, :one)',
    values: {
      ':v': { S: 'x' },
      ':three': { N: '3' },
      ':a': { S: 'a' },
      ':ell': { S: 'ell' },
      ':he': { S: 'he' },
      ':M': { S: 'M' },
      ':one': { N: '1' },
    },
  }),
  on('invalid attribute type name', 'SET z = :v', {
    condition: 'attribute_type(s, :t)',
    values: { ':v': { S: 'x' }, ':t': { S: 'STRING' } },
  }),
  on('BETWEEN bounds in the wrong order', 'SET z = :v', {
    condition: 'n BETWEEN :hi AND :lo',
    values: { ':v': { S: 'x' }, ':lo': { N: '1' }, ':hi': { N: '9' } },
  }),
  on('a path compared with itself', 'SET z = :v', {
    condition: 'n = n',
    values: { ':v': { S: 'x' } },
  }),
  on('an unknown function', 'SET z = :v', {
    condition: 'exists(n)',
    values: { ':v': { S: 'x' } },
  }),
  on('nested list index in a condition', 'SET z = :v', {
    condition: 'l[2].x = :three AND m.a.b = :c',
    values: { ':v': { S: 'x' }, ':three': { N: '3' }, ':c': { S: 'c' } },
  }),
  on('parenthesized conditions', 'SET z = :v', {
    condition: '(n = :five OR n = :v) AND (NOT (s = :v))',
    values: { ':v': { S: 'x' }, ':five': { N: '5' } },
  }),
  on('list_append nested in list_append', 'SET z = list_append(list_append(:a, :b), l)', {
    values: { ':a': { L: [{ S: 'a' }] }, ':b': { L: [{ S: 'b' }] } },
  }),
  on('if_not_exists nested in if_not_exists', 'SET z = if_not_exists(gone, if_not_exists(s, :v))', {
    values: { ':v': { S: 'fallback' } },
  }),
  on('if_not_exists on both sides of +', 'SET z = if_not_exists(gone, :a) + if_not_exists(n, :a)', {
    values: { ':a': { N: '10' } },
  }),
  on('a parenthesized value and difference', 'SET z = (:v), y = n - (:v)', {
    values: { ':v': { N: '2' } },
  }),
  on('a parenthesized difference', 'SET z = (n - :v)', { values: { ':v': { N: '2' } } }),
  on('a map value written into a list element', 'SET l[1] = :m', {
    values: { ':m': { M: { deep: { L: [{ NULL: true }] } } } },
  }),
  on('REMOVE the whole list and a map', 'REMOVE l, m'),
  on('ADD into a nested map key', 'ADD m.n :one, m.fresh :one', { values: { ':one': { N: '1' } } }),
  on('ADD into a list element', 'ADD l[0] :one', { values: { ':one': { N: '1' } } }),
  on('DELETE a missing member leaves the set', 'DELETE ns :v', { values: { ':v': { NS: ['7'] } } }),
  on('SET a boolean and a null', 'SET t = :t, z = :z', {
    values: { ':t': { BOOL: true }, ':z': { NULL: true } },
  }),
  on('IN with a path operand', 'SET z = :v', {
    condition: ':five IN (n, s)',
    values: { ':v': { S: 'x' }, ':five': { N: '5' } },
  }),
  on('comparing two paths', 'SET z = :v', {
    condition: 'n > m.n AND l[0] < l[1] AND s <> #nm',
    names: { '#nm': 'name' },
    values: { ':v': { S: 'x' } },
  }),
  on('size of a map, a set and a missing path', 'SET z = :v', {
    condition: 'size(m) = :two AND size(ns) = :two AND NOT size(gone) = :two',
    values: { ':v': { S: 'x' }, ':two': { N: '2' } },
  }),
  on('attribute_type for BOOL, L and SS', 'SET z = :v', {
    condition: 'attribute_type(f, :b) AND attribute_type(e, :l) AND attribute_type(ss, :ss)',
    values: { ':v': { S: 'x' }, ':b': { S: 'BOOL' }, ':l': { S: 'L' }, ':ss': { S: 'SS' } },
  }),
  on('contains on a number set and begins_with on a number', 'SET z = :v', {
    condition: 'contains(ns, :one) AND NOT begins_with(n, :five)',
    values: { ':v': { S: 'x' }, ':one': { N: '1.0' }, ':five': { S: '5' } },
  }),
  on('a condition on a key attribute', 'SET z = :v', {
    condition: 'pk = :pk AND sk BETWEEN :lo AND :hi',
    values: { ':v': { S: 'x' }, ':pk': { S: 'item' }, ':lo': { N: '0' }, ':hi': { N: '1' } },
  }),
  on('a syntax error in the condition', 'SET z = :v', {
    condition: 'n = :v AND',
    values: { ':v': { S: 'x' } },
  }),
  on('a string with an apostrophe', 'SET z = :v', {
    condition: "s = 'hello'",
    values: { ':v': { S: 'x' } },
  }),
];

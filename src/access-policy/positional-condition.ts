import type { Condition } from './read-policy.js';

// `:name` parameters, not the second colon of a `::type` cast.
const NAMED_PARAMETER = /(?<![:\w]):([A-Za-z_]\w*)/g;

/**
 * A read-policy condition for a hand-written statement: its `:name` parameters become `$n`
 * placeholders numbered after `values`, to which their values are appended (each name once).
 * For hot statements that skip TypeORM's query builder (bench/README.md, decision 14).
 */
export function positionalCondition(condition: Condition, values: unknown[]): string {
  const numbered = new Map<string, number>();
  return condition.sql.replace(NAMED_PARAMETER, (_match, name: string) => {
    if (!(name in condition.params)) throw new Error(`read policy parameter :${name} has no value`);
    let index = numbered.get(name);
    if (index === undefined) {
      values.push(condition.params[name]);
      index = values.length;
      numbered.set(name, index);
    }
    return `$${index}`;
  });
}

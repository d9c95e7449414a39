import { describe, expect, it } from '@jest/globals';
import { positionalCondition } from './positional-condition.js';
import { ReadPolicy } from './read-policy.js';

describe('positionalCondition', () => {
  it('numbers named parameters after the values already bound, each name once', () => {
    const values: unknown[] = ['first'];
    const sql = positionalCondition(
      ReadPolicy.replies('r', 'c', 'f', { id: 'viewer-1', admin: false, verified: false }),
      values,
    );
    expect(values).toEqual(['first', 'viewer-1']);
    expect(sql).toContain('c.author_id = $2');
    expect(sql).toContain('r.author_id = $2');
    expect(sql).not.toContain(':');
  });

  it('leaves type casts alone and refuses a parameter without a value', () => {
    const values: unknown[] = [];
    expect(positionalCondition({ sql: "x = :a::uuid AND y = 'OPEN'", params: { a: 1 } }, values)).toBe(
      "x = $1::uuid AND y = 'OPEN'",
    );
    expect(() => positionalCondition({ sql: 'x = :missing', params: {} }, [])).toThrow(':missing');
  });
});

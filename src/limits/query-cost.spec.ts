import { describe, expect, it } from '@jest/globals';
import { buildSchema, type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { analyzeOperation, DEFAULT_PAGE, PLAIN_LIST_ESTIMATE } from './query-cost.js';

const schema = buildSchema(`
  type Query { cases(first: Int): CaseConnection! specialties: [Specialty!]! me: Clinician }
  type CaseConnection { edges: [CaseEdge!]! totalCount: Int! }
  type CaseEdge { cursor: String! node: Case! }
  type Case { id: ID! title: String! author: Clinician! replies(first: Int): ReplyConnection! }
  type ReplyConnection { edges: [ReplyEdge!]! }
  type ReplyEdge { node: Reply! }
  type Reply { id: ID! author: Clinician! }
  type Clinician { id: ID! displayName: String! specialties: [Specialty!]! }
  type Specialty { code: String! }
`);

function shape(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find(
    (d) => d.kind === Kind.OPERATION_DEFINITION,
  ) as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  return analyzeOperation(schema, operation, fragments, variables);
}

describe('analyzeOperation', () => {
  it('charges nothing for scalars and one per object', () => {
    expect(shape('{ me { id displayName } }')).toEqual({ cost: 1, depth: 2, aliases: 0 });
  });

  it('multiplies a connection by first, from a literal or a variable, defaulting to 20', () => {
    const page = '{ edges { node { id author { id } } } }';
    // per node: edges 1 + node 1 + author 1 = 3
    expect(shape(`{ cases(first: 50) ${page} }`).cost).toBe(1 + 50 * 3);
    expect(shape(`query($n: Int) { cases(first: $n) ${page} }`, { n: 5 }).cost).toBe(1 + 5 * 3);
    expect(shape(`{ cases ${page} }`).cost).toBe(1 + DEFAULT_PAGE * 3);
  });

  it('multiplies nested connections, so deep pagination is expensive', () => {
    const cost = shape(
      '{ cases(first: 100) { edges { node { replies(first: 100) { edges { node { id } } } } } } }',
    ).cost;
    expect(cost).toBeGreaterThan(100 * 100);
  });

  it('estimates plain lists', () => {
    expect(shape('{ specialties { code } }').cost).toBe(1 + PLAIN_LIST_ESTIMATE * 0);
    expect(shape('{ me { specialties { code } } }').cost).toBe(1 + 1);
  });

  it('follows fragments and counts aliases and depth', () => {
    const result = shape(
      '{ a: me { ...F } b: me { ...F } } fragment F on Clinician { id specialties { code } }',
    );
    expect(result.aliases).toBe(2);
    expect(result.cost).toBe(2 * (1 + 1));
    expect(result.depth).toBe(3);
  });
});

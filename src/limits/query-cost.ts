import {
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  type GraphQLField,
  GraphQLList,
  type GraphQLNamedType,
  type GraphQLSchema,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

export const DEFAULT_PAGE = 20;
/** Items assumed for a plain list field (no `first`): lists such as specialties or forums. */
export const PLAIN_LIST_ESTIMATE = 10;

export interface QueryShape {
  /** Estimated work: one point per object fetched, lists multiplied by their page size. */
  cost: number;
  depth: number;
  aliases: number;
}

function argumentValue(node: ValueNode | undefined, variables: Record<string, unknown>): unknown {
  if (!node) return undefined;
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  if (node.kind === Kind.INT) return Number(node.value);
  return undefined;
}

function pageSizeOf(field: FieldNode, variables: Record<string, unknown>): number | undefined {
  const first = field.arguments?.find((arg) => arg.name.value === 'first');
  const value = argumentValue(first?.value, variables);
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, value) : undefined;
}

/**
 * Estimates the cost, depth and alias count of one operation before it runs, from the schema and the
 * variables: a scalar costs nothing; an object field costs one plus its selection; a connection
 * (a `…Connection` type) multiplies its nodes' cost by `first` (default 20); other lists by a fixed
 * estimate. Fragments are followed; cycles cannot occur in a validated document.
 */
export function analyzeOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> = {},
): QueryShape {
  let aliases = 0;
  let maxDepth = 0;

  const fieldsOf = (type: GraphQLNamedType): Record<string, GraphQLField<unknown, unknown>> =>
    isObjectType(type) ? type.getFields() : {};

  const visit = (
    selectionSet: SelectionSetNode | undefined,
    parent: GraphQLNamedType,
    depth: number,
  ): number => {
    if (!selectionSet) return 0;
    maxDepth = Math.max(maxDepth, depth);
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[selection.name.value];
        if (fragment)
          cost += visit(
            fragment.selectionSet,
            schema.getType(fragment.typeCondition.name.value) ?? parent,
            depth,
          );
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? (schema.getType(selection.typeCondition.name.value) ?? parent)
          : parent;
        cost += visit(selection.selectionSet, type, depth);
        continue;
      }
      if (selection.alias) aliases += 1;
      const definition = fieldsOf(parent)[selection.name.value];
      if (!definition || !selection.selectionSet) continue;
      const returnType = getNamedType(definition.type);
      const child = visit(selection.selectionSet, returnType, depth + 1);
      // A connection's edges are its page: `first` already multiplies them.
      const isEdges = parent.name.endsWith('Connection') && selection.name.value === 'edges';
      if (returnType.name.endsWith('Connection')) {
        cost += 1 + (pageSizeOf(selection, variables) ?? DEFAULT_PAGE) * Math.max(child, 1);
      } else if (getNullableType(definition.type) instanceof GraphQLList && !isEdges) {
        cost += 1 + PLAIN_LIST_ESTIMATE * child;
      } else {
        cost += 1 + child;
      }
    }
    return cost;
  };

  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  const cost = root ? visit(operation.selectionSet, root, 1) : 0;
  return { cost, depth: maxDepth, aliases };
}

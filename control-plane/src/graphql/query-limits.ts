import {
  type FieldNode,
  type FragmentSpreadNode,
  type GraphQLNamedType,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type SelectionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { LimitExceededError } from '../errors/index.js';
import { refusal } from './refusal.js';

/** What one operation may ask for; checked before any resolver runs. */
export interface QueryLimits {
  /** Root fields, each alias counted (`a: organization(…) b: organization(…)` is two). @default 20 */
  maxRootFields: number;
  /** Aliased fields anywhere in the operation, fragments expanded. @default 30 */
  maxAliases: number;
  /** Nesting of the schema's own fields; introspection is bounded by graphql-js's MaxIntrospectionDepthRule. @default 8 */
  maxDepth: number;
  /** Sum of the field costs, each multiplied by the page sizes of the lists it sits in. @default 1000 */
  maxCost: number;
}

export const queryLimits: QueryLimits = { maxRootFields: 20, maxAliases: 30, maxDepth: 8, maxCost: 1000 };

/** What resolving a field costs, given the page size it asks for when it takes one. */
export type CostOf = (typeName: string, fieldName: string, pageSize: number | undefined) => number;

/** Arguments that size a list, and the sizes the services apply. */
const pageSizeArguments = new Set(['limit', 'pageSize']);
export const pageSizes = {
  /** What the services return when no size is given. */
  default: 50,
  /**
   * The largest page any list serves. A size passed as a variable counts as this: Apollo validates a
   * query text once and reuses the verdict, so the verdict cannot depend on the variables.
   */
  max: 500,
};

interface Measure {
  cost: number;
  depth: number;
  aliases: number;
}

const nothing: Measure = { cost: 0, depth: 0, aliases: 0 };

function pageSizeOf(node: FieldNode, argumentNames: readonly string[]): number | undefined {
  if (!argumentNames.some((name) => pageSizeArguments.has(name))) return undefined;
  const given = node.arguments?.find((a) => pageSizeArguments.has(a.name.value))?.value;
  if (!given) return pageSizes.default;
  if (given.kind === Kind.INT) return Math.min(Math.max(Number(given.value), 1), pageSizes.max);
  return pageSizes.max;
}

/**
 * Measures an operation with its fragments expanded. Fragment measures are kept per page size, so
 * fragments spread into each other many times are measured once each, not once per path.
 */
function measurer(context: ValidationContext, costOf: CostOf) {
  const schema = context.getSchema();
  const fragments = new Map<string, Measure>();
  const entered = new Set<string>();

  function selections(set: SelectionSetNode, parent: GraphQLNamedType | undefined, size?: number): Measure {
    const total = { ...nothing };
    for (const node of set.selections) {
      const m = selection(node, parent, size);
      total.cost += m.cost;
      total.aliases += m.aliases;
      total.depth = Math.max(total.depth, m.depth);
    }
    return total;
  }

  function selection(node: SelectionNode, parent: GraphQLNamedType | undefined, size?: number): Measure {
    if (node.kind === Kind.FIELD) return field(node, parent, size);
    if (node.kind === Kind.FRAGMENT_SPREAD) return spread(node, size);
    const type = node.typeCondition ? schema.getType(node.typeCondition.name.value) : parent;
    return selections(node.selectionSet, type, size);
  }

  function spread(node: FragmentSpreadNode, size?: number): Measure {
    const name = node.name.value;
    const key = `${name}:${size ?? ''}`;
    const known = fragments.get(key);
    if (known) return known;
    const fragment = context.getFragment(name);
    // Unknown fragments and cycles are refused by graphql-js's own rules.
    if (!fragment || entered.has(name)) return nothing;
    entered.add(name);
    const m = selections(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), size);
    entered.delete(name);
    fragments.set(key, m);
    return m;
  }

  /** `listSize`: the page size of the field above when that field is a page wrapping this list. */
  function field(node: FieldNode, parent: GraphQLNamedType | undefined, listSize?: number): Measure {
    const aliases = node.alias ? 1 : 0;
    // Introspection reads the in-memory schema; __schema/__type nesting has its own graphql-js rule.
    if (node.name.value.startsWith('__')) return { ...nothing, aliases };
    const definition =
      parent && (isObjectType(parent) || isInterfaceType(parent))
        ? parent.getFields()[node.name.value]
        : undefined;
    // Unknown fields are refused by graphql-js's own rules.
    if (!parent || !definition) return { ...nothing, depth: 1, aliases };
    const size = pageSizeOf(
      node,
      definition.args.map((a) => a.name),
    );
    const isList = isListType(getNullableType(definition.type));
    const items = isList ? (size ?? listSize ?? pageSizes.default) : 1;
    const below = node.selectionSet
      ? selections(node.selectionSet, getNamedType(definition.type), isList ? undefined : size)
      : nothing;
    return {
      cost: costOf(parent.name, node.name.value, size) + items * below.cost,
      depth: 1 + below.depth,
      aliases: aliases + below.aliases,
    };
  }

  /** Root fields as executed: fragments and inline fragments at the root expanded, each measured once. */
  const rootCounts = new Map<string, number>();
  function rootFields(set: SelectionSetNode): number {
    let count = 0;
    for (const node of set.selections) {
      if (node.kind === Kind.FIELD) count += 1;
      else if (node.kind === Kind.INLINE_FRAGMENT) count += rootFields(node.selectionSet);
      else count += rootFieldsOf(node.name.value);
    }
    return count;
  }
  function rootFieldsOf(name: string): number {
    const known = rootCounts.get(name);
    if (known !== undefined) return known;
    const fragment = context.getFragment(name);
    if (!fragment || entered.has(name)) return 0;
    entered.add(name);
    const count = rootFields(fragment.selectionSet);
    entered.delete(name);
    rootCounts.set(name, count);
    return count;
  }

  return { selections, rootFields };
}

/**
 * Refuses an operation over any of the limits with `query_too_complex`, one error per limit,
 * naming the limit, its maximum and the measured value. A validation rule, so an operation
 * refused here never reaches a resolver.
 */
export function queryLimitsRule(costOf: CostOf, limits: QueryLimits = queryLimits): ValidationRule {
  return (context) => {
    const measure = measurer(context, costOf);
    return {
      OperationDefinition(node) {
        const root = context.getSchema().getRootType(node.operation) ?? undefined;
        const m = measure.selections(node.selectionSet, root);
        const checks: [string, string, number, number][] = [
          ['rootFields', 'root fields', limits.maxRootFields, measure.rootFields(node.selectionSet)],
          ['aliases', 'aliases', limits.maxAliases, m.aliases],
          ['depth', 'depth', limits.maxDepth, m.depth],
          ['cost', 'cost', limits.maxCost, m.cost],
        ];
        for (const [limit, words, max, actual] of checks) {
          if (actual <= max) continue;
          const error = new LimitExceededError({
            code: 'query_too_complex',
            message: `Query too complex: its ${words} come to ${actual}, the limit is ${max}; ask for less in one request`,
            data: { limit, max, actual },
          });
          context.reportError(refusal(error, [node]));
        }
        return false;
      },
    };
  };
}

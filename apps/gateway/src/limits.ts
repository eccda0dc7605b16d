import { ASTVisitor, DocumentNode, GraphQLError, GraphQLSchema, Kind, SelectionSetNode, ValidationContext, visit } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { getComplexity, simpleEstimator, ComplexityEstimator } from 'graphql-query-complexity';
import type { ApolloServerPlugin } from '@apollo/server';
import { toGraphQLError } from '@partybuild/federation';
import { GatewayErrors } from './errors';
import { BoundedCache } from './bounded-cache';

/** Refuses documents with more aliases than allowed: aliases multiply the work of one field. */
export function aliasLimit(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias && ++aliases === max + 1) context.reportError(toGraphQLError(GatewayErrors.TOO_MANY_ALIASES({ maximum: max })));
      },
    };
  };
}

/**
 * Refuses documents nested deeper than allowed. The depth counter follows fragment spreads,
 * so a document whose fragments spread each other would recurse without end: such a document
 * is left to graphql-js's own rule (NoFragmentCycles), which reports it as a validation error.
 */
export const depthRule = (max: number) => {
  const limit = depthLimit(max);
  return (context: ValidationContext): ASTVisitor => {
    if (hasFragmentCycle(context.getDocument())) return {};
    const reporting = Object.create(context) as ValidationContext;
    let reported = false;
    reporting.reportError = () => {
      if (!reported) context.reportError(toGraphQLError(GatewayErrors.QUERY_TOO_DEEP({ maximum: max })));
      reported = true;
    };
    return limit(reporting) as ASTVisitor;
  };
};

/** Does any fragment reach itself through spreads? */
export function hasFragmentCycle(document: DocumentNode): boolean {
  const spreads = new Map<string, string[]>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) spreads.set(definition.name.value, spreadNames(definition.selectionSet));
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const cyclic = (name: string): boolean => {
    if (state.get(name) === 'visiting') return true;
    if (state.get(name) === 'done' || !spreads.has(name)) return false;
    state.set(name, 'visiting');
    const found = spreads.get(name)!.some(cyclic);
    state.set(name, 'done');
    return found;
  };
  return [...spreads.keys()].some(cyclic);
}

function spreadNames(selectionSet: SelectionSetNode): string[] {
  const names: string[] = [];
  visit(selectionSet, { FragmentSpread: (node) => void names.push(node.name.value) });
  return names;
}

/** A list field costs its page size times what each item costs. */
const pageSizeEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const size = typeof args.first === 'number' ? args.first : undefined;
  return size === undefined ? undefined : 1 + size * Math.max(childComplexity, 1);
};

const MAX_CACHED_VARIABLES = 2_000;

/**
 * Estimates the cost with the request's variables, before any subgraph is called; too costly is
 * the caller's 400. The estimate walks the whole document against the schema: it is kept per
 * document, operation and variables (the page sizes), so a client asking the same thing again
 * does not pay for it twice. (Depth and aliases are validation rules: Apollo Server keeps a
 * document once validated.)
 */
export function costLimit(max: number): ApolloServerPlugin {
  // One cache per schema: a recomposed supergraph (development) starts afresh.
  const costsBySchema = new WeakMap<GraphQLSchema, BoundedCache<number>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, queryHash }) {
          const variables = JSON.stringify(request.variables ?? {});
          // Large variables (an imported CSV) are not worth keeping as a key.
          const key = variables.length <= MAX_CACHED_VARIABLES ? `${queryHash}\n${request.operationName ?? ''}\n${variables}` : null;
          let costs = costsBySchema.get(schema);
          if (!costs) costsBySchema.set(schema, (costs = new BoundedCache<number>(5_000)));
          let cost = key === null ? undefined : costs.get(key);
          if (cost === undefined) {
            cost = estimateCost(document, schema, request.variables ?? {}, request.operationName ?? undefined);
            if (key !== null) costs.set(key, cost);
          }
          if (cost > max) throw toGraphQLError(GatewayErrors.QUERY_TOO_COSTLY({ cost, maximum: max }), 400);
        },
      };
    },
  };
}

function estimateCost(document: DocumentNode, schema: GraphQLSchema, variables: Record<string, unknown>, operationName?: string): number {
  try {
    return getComplexity({
      schema,
      query: document,
      variables,
      operationName,
      estimators: [pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (error) {
    // Estimating coerces the variables first: one that is missing or out of range (an Int
    // beyond 32 bits) is the caller's mistake, answered 400 as graphql-js worded it.
    if (error instanceof GraphQLError) {
      throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
    }
    throw error;
  }
}

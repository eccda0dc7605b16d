import { ASTVisitor, DocumentNode, GraphQLError, Kind, SelectionSetNode, ValidationContext, visit } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { getComplexity, simpleEstimator, ComplexityEstimator } from 'graphql-query-complexity';
import type { ApolloServerPlugin } from '@apollo/server';
import { toGraphQLError } from '@partybuild/federation';
import { GatewayErrors } from './errors';

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

/** Estimates the cost with the request's variables, before any subgraph is called; too costly is the caller's 400. */
export function costLimit(max: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              operationName: request.operationName ?? undefined,
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
          if (cost > max) throw toGraphQLError(GatewayErrors.QUERY_TOO_COSTLY({ cost, maximum: max }), 400);
        },
      };
    },
  };
}

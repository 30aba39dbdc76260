import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  type ExecutionResult,
  execute,
  GraphQLError,
  type GraphQLSchema,
  getVariableValues,
  printSchema,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

/** Distinct documents kept compiled; admins' screens use a few dozen, the console adds a few more. */
const DEFAULT_CACHE_SIZE = 500;

/**
 * Executes admin GraphQL with graphql-jit: each distinct document is compiled once into a plain
 * function that walks the selection set, instead of graphql-js interpreting the document field by
 * field on every request (ADR 0005; on a nested page of thousands of rows the interpretation costs
 * more than the SQL). Parsing, validation (depth, cost, aliases), the context and error formatting
 * stay Apollo's: it is plugged in through Apollo's executor hook, the `gateway` interface.
 *
 * Documents that graphql-jit cannot compile, and introspection (rare, and GraphiQL's), run on
 * graphql-js, so the answer never depends on which executor ran.
 */
export function compiledExecutorGateway(
  schema: GraphQLSchema,
  options: { cacheSize?: number } = {},
): GatewayInterface {
  const cacheSize = options.cacheSize ?? DEFAULT_CACHE_SIZE;
  const compiled = new Map<string, CompiledQuery | null>();

  const executor: GatewayExecutor = async (request) => {
    const key = `${request.queryHash}\u0000${request.operationName ?? ''}`;
    let query = compiled.get(key);
    if (query === undefined) {
      query = null;
      if (!usesIntrospection(request.source)) {
        const result = compileQuery(schema, request.document, request.operationName ?? undefined);
        if (isCompiledQuery(result)) query = result;
      }
      // Least recently compiled goes first: a Map iterates in insertion order.
      if (compiled.size >= cacheSize) compiled.delete(compiled.keys().next().value as string);
      compiled.set(key, query);
    }
    const variables = request.request.variables ?? {};
    const interpret = () =>
      execute({
        schema,
        document: request.document,
        contextValue: request.context,
        variableValues: variables,
        operationName: request.operationName,
      });
    if (query === null) return (await interpret()) as Awaited<ReturnType<GatewayExecutor>>;
    const result = await query.query(undefined, request.context, variables);
    if (result.data === undefined && result.errors?.every((error) => error.path === undefined)) {
      // graphql-jit refused the variables. graphql-js decides whose mistake it was: if it refuses
      // them too, the client's, answered with graphql-js's errors (the shape Apollo classifies,
      // and no jit message quoting the values). If it accepts them, jit's own coercion missed one
      // of graphql-js's rules (a defaulted non-null input field left out): this document runs on
      // graphql-js from now on, this request too. Valid requests never pay for the second check.
      const coerced = getVariableValues(schema, request.operation.variableDefinitions ?? [], variables);
      if (coerced.errors) return { errors: coerced.errors } as Awaited<ReturnType<GatewayExecutor>>;
      compiled.set(key, null);
      return (await interpret()) as Awaited<ReturnType<GatewayExecutor>>;
    }
    return withPlainErrors(result) as Awaited<ReturnType<GatewayExecutor>>;
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    async load() {
      return { executor };
    },
    async stop() {},
  };
}

function usesIntrospection(source: string): boolean {
  return /\b__(schema|type)\b/.test(source);
}

/**
 * graphql-jit's errors have read-only messages, and Apollo plugins (graphql-armor's suggestion
 * blocker) rewrite messages: hand them graphql-js errors carrying the same path and cause.
 */
function withPlainErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors) return result;
  return {
    ...result,
    errors: result.errors.map(
      (error) =>
        new GraphQLError(error.message, {
          path: error.path,
          originalError: error.originalError ?? undefined,
          extensions: error.extensions,
        }),
    ),
  };
}

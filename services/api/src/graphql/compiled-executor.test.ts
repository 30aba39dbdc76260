import type { GatewayExecutor, GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import {
  buildSchema,
  type DocumentNode,
  execute,
  type GraphQLSchema,
  getOperationAST,
  graphql,
  parse,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { compiledExecutorGateway } from './compiled-executor.ts';

class Refusal extends Error {}

const schema = buildSchema(`
  type Query { greeting(name: String!): String!, items(n: Int!): [Item!]!, refuse: String, count(input: CountInput!): Int! }
  input CountInput { from: Int! = 0, to: Int! }
  type Item { id: Int!, label: String! }
`);
const rootValue = {
  greeting: ({ name }: { name: string }) => `你好，${name}`,
  items: ({ n }: { n: number }) => Array.from({ length: n }, (_, id) => ({ id, label: `#${id}` })),
  count: ({ input }: { input: { from: number; to: number } }) => input.to - input.from,
  refuse: () => {
    throw new Refusal('no');
  },
};
// graphql-jit reads resolvers from the schema; attach the root functions as field resolvers.
for (const [name, field] of Object.entries(schema.getQueryType()?.getFields() ?? {})) {
  const fn = rootValue[name as keyof typeof rootValue] as (args: unknown) => unknown;
  field.resolve = (_parent, args) => fn(args);
}

async function executorFor(s: GraphQLSchema): Promise<GatewayExecutor> {
  const { executor } = await compiledExecutorGateway(s, { cacheSize: 2 }).load({ apollo: {} });
  if (!executor) throw new Error('no executor');
  return executor;
}

function requestFor(source: string, variables: Record<string, unknown> = {}): GatewayGraphQLRequestContext {
  const document: DocumentNode = parse(source);
  return {
    source,
    document,
    queryHash: source,
    operationName: null,
    operation: getOperationAST(document) ?? undefined,
    request: { query: source, variables },
    context: {},
  } as unknown as GatewayGraphQLRequestContext;
}

describe('the compiled executor', () => {
  it('answers exactly as graphql-js does, for every document it compiles', async () => {
    const executor = await executorFor(schema);
    for (const [source, variables] of [
      ['query($n: Int!) { items(n: $n) { id label } }', { n: 3 }],
      ['query($name: String!) { greeting(name: $name) }', { name: '张三' }],
      ['{ items(n: 0) { id } }', {}],
    ] as const) {
      const expected = await execute({ schema, document: parse(source), variableValues: variables });
      expect(await executor(requestFor(source, variables))).toEqual(expected);
    }
  });

  it('keeps the resolver’s own error as the cause, so the edge can format domain errors', async () => {
    const result = await (await executorFor(schema))(requestFor('{ refuse }'));
    expect(result.errors?.[0]?.originalError).toBeInstanceOf(Refusal);
    expect(result.errors?.[0]?.path).toEqual(['refuse']);
    // Apollo plugins rewrite messages: they must be writable.
    const error = result.errors?.[0] as { message: string };
    error.message = 'rewritten';
    expect(error.message).toBe('rewritten');
  });

  it('refuses a variable of the wrong type the way graphql-js does', async () => {
    const source = 'query($n: Int!) { items(n: $n) { id } }';
    const result = await (await executorFor(schema))(requestFor(source, { n: 'many' }));
    const expected = await graphql({ schema, source, variableValues: { n: 'many' } });
    expect(result.errors?.map((e) => e.message)).toEqual(expected.errors?.map((e) => e.message));
    expect(result.data).toBeUndefined();
  });

  it('applies input-field defaults the way graphql-js does', async () => {
    const source = 'query($input: CountInput!) { count(input: $input) }';
    const executor = await executorFor(schema);
    for (let i = 0; i < 2; i++) {
      expect(await executor(requestFor(source, { input: { to: 5 } }))).toEqual({ data: { count: 5 } });
    }
    expect(await executor(requestFor(source, { input: { from: 2, to: 5 } }))).toEqual({ data: { count: 3 } });
  });

  it('runs introspection on graphql-js and still answers it', async () => {
    const result = await (await executorFor(schema))(requestFor('{ __schema { queryType { name } } }'));
    expect(result.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('keeps answering correctly when documents outnumber the cache', async () => {
    const executor = await executorFor(schema);
    for (let n = 1; n <= 5; n++) {
      const result = await executor(requestFor(`{ items(n: ${n}) { id } }`));
      expect(result.data?.items).toHaveLength(n);
    }
  });
});

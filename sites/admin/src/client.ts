import { type CacheExchangeOpts, cacheExchange } from '@urql/exchange-graphcache';
import { Client, type CombinedError, fetchExchange, mapExchange } from 'urql';
import introspection from './gql/introspection.ts';

interface IntrospectedType {
  kind: string;
  name: string;
  fields?: { name: string }[] | null;
}

const types = (introspection as unknown as { __schema: { types: IntrospectedType[] } }).__schema.types;

/**
 * Objects without an `id` (connections, edges, page info, totals, reports) are kept inside their
 * parent instead of normalised: telling the cache so keeps it from warning on every response.
 */
const keys: NonNullable<CacheExchangeOpts['keys']> = Object.fromEntries(
  types
    .filter((type) => type.kind === 'OBJECT' && !type.name.startsWith('__'))
    .filter((type) => !type.fields?.some((field) => field.name === 'id'))
    .map((type) => [type.name, () => null]),
);

/** Query fields that stay valid whatever a mutation did: the signed-in admin and the region tree. */
const STABLE_QUERIES = new Set(['viewer', 'region', 'regions']);

const mutationNames =
  types.find((type) => type.name === 'Mutation')?.fields?.map((field) => field.name) ?? [];

/**
 * After any mutation, every list and report the cache holds is fetched again when next shown: a new
 * enrollment belongs in lists the mutation's answer cannot name. Single entities the answer returns
 * are updated in place by the normalised cache itself.
 */
const updates: NonNullable<CacheExchangeOpts['updates']> = {
  Mutation: Object.fromEntries(
    mutationNames.map((name) => [
      name,
      (_result, _args, cache) => {
        for (const field of cache.inspectFields('Query')) {
          if (!STABLE_QUERIES.has(field.fieldName)) cache.invalidate('Query', field.fieldKey);
        }
      },
    ]),
  ),
};

export function isUnauthenticated(error: CombinedError | undefined): boolean {
  return error?.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED') ?? false;
}

/**
 * The console's one GraphQL client: same origin as the API (the session cookie is HttpOnly and
 * SameSite=Strict), a normalised cache that knows the schema, and one place that notices an expired
 * session.
 */
export function createAdminClient(onSessionExpired: () => void): Client {
  return new Client({
    url: '/graphql',
    fetchOptions: { credentials: 'same-origin' },
    // urql sends short queries as GET by default; the API's CSRF protection refuses GETs without a
    // preflight header, and POST keeps variables (a searched name) out of URLs and access logs.
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    exchanges: [
      mapExchange({
        onError(error, operation) {
          // signIn answers UNAUTHENTICATED for a wrong password: that is not an expired session.
          if (operation.kind !== 'mutation' && isUnauthenticated(error)) onSessionExpired();
        },
      }),
      cacheExchange({ schema: introspection, keys, updates }),
      fetchExchange,
    ],
  });
}

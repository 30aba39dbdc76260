import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { PublicPolicyResolver } from './public-policy.resolver.ts';

/**
 * The public read schema: the only thing a disclosure's query can see. It is a separate schema
 * from the admin API, so no admin field can leak into a published dataset by a query edit.
 */
export async function buildPublicSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: [PublicPolicyResolver], validate: false });
}

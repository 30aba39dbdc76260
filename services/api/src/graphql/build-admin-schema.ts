import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { DisclosureResolver } from '../modules/disclosures/disclosure.resolver.ts';
import { IdentityResolver } from '../modules/identity/identity.resolver.ts';
import { PolicyResolver } from '../modules/policies/policy.resolver.ts';
import { RegionResolver } from '../modules/regions/region.resolver.ts';

export async function buildAdminSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [IdentityResolver, RegionResolver, PolicyResolver, DisclosureResolver],
    validate: false,
  });
}

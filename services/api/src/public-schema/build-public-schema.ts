import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { PublicActivityResolver } from './public-activities.resolver.ts';
import { PublicAssociationResolver } from './public-associations.resolver.ts';
import { PublicAwardResolver } from './public-awards.resolver.ts';
import { PublicBenefitTotalResolver } from './public-benefit-totals.resolver.ts';
import { PublicEvaluationResolver } from './public-evaluations.resolver.ts';
import { PublicNoticeResolver } from './public-notices.resolver.ts';
import { PublicPolicyResolver } from './public-policy.resolver.ts';
import { PublicProgramResolver } from './public-programs.resolver.ts';
import { PublicRegionResolver } from './public-regions.resolver.ts';

/**
 * The public read schema: the only thing a disclosure's query can see. It is a separate schema
 * from the admin API, so no admin field can leak into a published dataset by a query edit.
 */
export async function buildPublicSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      PublicPolicyResolver,
      PublicAwardResolver,
      PublicNoticeResolver,
      PublicProgramResolver,
      PublicRegionResolver,
      PublicBenefitTotalResolver,
      PublicActivityResolver,
      PublicAssociationResolver,
      PublicEvaluationResolver,
    ],
    validate: false,
  });
}

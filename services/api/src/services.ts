import type { MikroORM } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import type { ApiConfig } from './config.ts';
import { DisclosureService } from './modules/disclosures/disclosure.service.ts';
import { IdentityService } from './modules/identity/identity.service.ts';
import { PolicyService } from './modules/policies/policy.service.ts';
import { PublicationService } from './modules/publications/publication.service.ts';
import { writePublicationFiles } from './modules/publications/write-publication-files.ts';
import { RegionService } from './modules/regions/region.service.ts';

export interface Services {
  identity: IdentityService;
  regions: RegionService;
  policies: PolicyService;
  disclosures: DisclosureService;
  publications: PublicationService;
}

export function createServices(
  orm: MikroORM,
  publicSchema: GraphQLSchema,
  config: Pick<ApiConfig, 'sessionIdleMinutes' | 'sessionMaxHours' | 'publicationsDir'>,
): Services {
  return {
    identity: new IdentityService(orm, config),
    regions: new RegionService(orm),
    policies: new PolicyService(orm),
    disclosures: new DisclosureService(orm, publicSchema),
    publications: new PublicationService(orm, publicSchema, (files) =>
      writePublicationFiles(config.publicationsDir, files),
    ),
  };
}

import { DisclosureSchema } from '../modules/disclosures/disclosure.entity.ts';
import { PolicySchema } from '../modules/policies/policy.entity.ts';
import { PublicationRunSchema, PublicationSchema } from '../modules/publications/publication.entity.ts';
import { RegionSchema } from '../modules/regions/region.entity.ts';

export const ENTITIES = [
  RegionSchema,
  PolicySchema,
  DisclosureSchema,
  PublicationRunSchema,
  PublicationSchema,
];

import { defineCollection } from 'astro:content';
import { approvedQuerySchema, datasetSchema, manifestSchema } from '@sunshine/disclosure/dataset';
import { z } from 'zod';
import { policyNoticeSchema } from './content/policy-notice.ts';
import { releaseHistorySchema } from './content/public-rows.ts';
import {
  datasetsLoader,
  manifestLoader,
  policiesLoader,
  queriesLoader,
  releasesLoader,
} from './content/publication-loaders.ts';

// The loaders validate each file against the disclosure contract first, naming the file on failure;
// the schemas here type the collections and validate once more as Astro stores each entry.
export const collections = {
  datasets: defineCollection({ loader: datasetsLoader(), schema: datasetSchema }),
  queries: defineCollection({ loader: queriesLoader(), schema: approvedQuerySchema }),
  policies: defineCollection({ loader: policiesLoader(), schema: policyNoticeSchema }),
  releases: defineCollection({
    loader: releasesLoader(),
    schema: z.object({ slug: z.string(), file: z.string(), entries: releaseHistorySchema }),
  }),
  manifest: defineCollection({
    loader: manifestLoader(),
    schema: manifestSchema.extend({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  }),
};

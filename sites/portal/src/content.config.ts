import { defineCollection } from 'astro:content';
import { approvedQuerySchema, datasetSchema } from '@sunshine/disclosure/dataset';
import { policyNoticeSchema } from './content/policy-notice.ts';
import { datasetsLoader, policiesLoader, queriesLoader } from './content/publication-loaders.ts';

// The loaders validate each file against the disclosure contract first, naming the file on failure;
// the schemas here type the collections and validate once more as Astro stores each entry.
export const collections = {
  datasets: defineCollection({ loader: datasetsLoader(), schema: datasetSchema }),
  queries: defineCollection({ loader: queriesLoader(), schema: approvedQuerySchema }),
  policies: defineCollection({ loader: policiesLoader(), schema: policyNoticeSchema }),
};

import { defineCollection } from 'astro:content';
import { policyNoticeSchema } from './content/policy-notice.ts';
import { policiesLoader } from './content/publication-loaders.ts';

// Only the policies go through Astro's content layer, for their Markdown bodies rendered once and kept
// in its store. Everything else the pages read straight from the publication files (lib/portal-data.ts):
// storing every dataset in the content layer serialised the whole publication into Astro's cache on
// every build, and at province scale that alone ran to hundreds of megabytes.
export const collections = {
  policies: defineCollection({ loader: policiesLoader(), schema: policyNoticeSchema }),
};

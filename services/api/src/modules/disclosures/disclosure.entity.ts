import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import type { DisclosurePolicy } from '@sunshine/disclosure/dataset';
import { RegionSchema } from '../regions/region.entity.ts';

export const PAGE_KINDS = ['NOTICE_LIST', 'RECIPIENT_LIST', 'TOTALS_TABLE', 'CHART'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export const DisclosureSchema = defineEntity({
  name: 'Disclosure',
  tableName: 'disclosure',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    slug: p.string(),
    name: p.string(),
    description: p.text(),
    region: () => p.manyToOne(RegionSchema),
    pageKind: p.enum(PAGE_KINDS),
    document: p.text(),
    // Computed by PostgreSQL from the text itself, so no code path can pin a hash of other text.
    documentSha256: p.string().generated('stored'),
    parameters: p.json<Record<string, unknown>>(),
    outputFields: p.array(),
    /** De-identification thresholds, approved with the text (migration 0007). */
    policy: p.json<DisclosurePolicy>(),
    draftedBy: p.uuid(),
    draftedAt: p.datetime(),
    approvedBy: p.uuid().nullable(),
    approvedRole: p.string().nullable(),
    approvedRegionCode: p.string().nullable(),
    approvedRegionName: p.string().nullable(),
    approvedSha256: p.string().nullable(),
    approvedAt: p.datetime().nullable(),
    version: p.integer(),
  },
});
export type Disclosure = InferEntity<typeof DisclosureSchema>;

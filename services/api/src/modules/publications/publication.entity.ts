import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import type { Dataset, DisclosurePolicy } from '@sunshine/disclosure/dataset';
import type { ReleaseDiff } from '@sunshine/disclosure/releases/release-diff';
import { DisclosureSchema } from '../disclosures/disclosure.entity.ts';
import { RegionSchema } from '../regions/region.entity.ts';

export const PublicationRunSchema = defineEntity({
  name: 'PublicationRun',
  tableName: 'publication_run',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    region: () => p.manyToOne(RegionSchema),
    startedBy: p.uuid(),
    startedAt: p.datetime(),
    finishedAt: p.datetime().nullable(),
    status: p.enum(['RUNNING', 'SUCCEEDED', 'FAILED'] as const),
    /** The audit chain head the run saw (ADR 0007): a succeeded run always carries it. */
    auditChainSeq: p.bigint('string').nullable(),
    auditChainSha256: p.string().nullable(),
  },
});
export type PublicationRun = InferEntity<typeof PublicationRunSchema>;

export const PublicationSchema = defineEntity({
  name: 'Publication',
  tableName: 'publication',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    run: () => p.manyToOne(PublicationRunSchema),
    disclosure: () => p.manyToOne(DisclosureSchema),
    region: () => p.manyToOne(RegionSchema),
    documentSha256: p.string(),
    dataset: p.json<Dataset>(),
    datasetSha256: p.string(),
    rowCount: p.integer(),
    runAt: p.datetime(),
    /** The latest earlier release of the same disclosure; null for the first (migration 0007). */
    previousPublicationId: p.uuid().nullable(),
    /** This release compared with the previous one; null only for releases made before 0007. */
    diff: p.json<ReleaseDiff>().nullable(),
    /** The policy the dataset was made under: the disclosure's approved one. */
    policy: p.json<DisclosurePolicy>(),
  },
});
export type Publication = InferEntity<typeof PublicationSchema>;

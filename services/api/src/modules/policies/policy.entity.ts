import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { RegionSchema } from '../regions/region.entity.ts';

export const POLICY_CATEGORIES = [
  'ASSISTANCE',
  'ASSOCIATION_WORK',
  'HEALTH_SERVICE',
  'PUBLICITY',
  'NOTICE',
] as const;
export const POLICY_STATUSES = ['DRAFT', 'PUBLISHED', 'WITHDRAWN'] as const;
export type PolicyCategory = (typeof POLICY_CATEGORIES)[number];
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

export interface PolicyAttachment {
  fileName: string;
  mediaType: string;
  byteSize: number;
}

export const PolicySchema = defineEntity({
  name: 'Policy',
  tableName: 'policy',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    region: () => p.manyToOne(RegionSchema),
    title: p.string(),
    documentNumber: p.string(),
    issuingBody: p.string(),
    category: p.enum(POLICY_CATEGORIES),
    issueDate: p.string().columnType('date'),
    effectiveDate: p.string().columnType('date').nullable(),
    expiryDate: p.string().columnType('date').nullable(),
    bodyMarkdown: p.text(),
    attachments: p.json<PolicyAttachment[]>(),
    status: p.enum(POLICY_STATUSES),
    withdrawalReason: p.string().nullable(),
    createdBy: p.uuid(),
    updatedBy: p.uuid(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    publishedAt: p.datetime().nullable(),
    withdrawnAt: p.datetime().nullable(),
    version: p.integer(),
  },
});
export type Policy = InferEntity<typeof PolicySchema>;

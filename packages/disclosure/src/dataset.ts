import { z } from 'zod';

/**
 * The published dataset: the only shape that leaves the database for the portal.
 * The portal re-validates every file against this schema before it renders anything.
 */

/** Who approved, as a role and a region: a person's name never appears in public output. */
export const approverSchema = z.object({
  role: z.enum(['COUNTY_ADMIN', 'TOWNSHIP_ADMIN', 'VILLAGE_CLERK', 'AUDITOR']),
  roleLabel: z.string().min(1),
  regionCode: z.string().regex(/^\d{12}$/),
  regionName: z.string().min(1),
});
export type Approver = z.infer<typeof approverSchema>;

/**
 * A disclosure's de-identification policy, approved with its text. The platform's floors (k ≥ 5,
 * sensitive programs k ≥ 10 at township level) cannot be lowered by a policy, only raised.
 */
export const disclosurePolicySchema = z.object({
  /** Smallest publishable count of people in a cell. */
  k: z.number().int().min(5).max(100),
  /** The same for sensitive programs (special assistance, care payments), published by township only. */
  sensitiveK: z.number().int().min(10).max(100),
});
export type DisclosurePolicy = z.infer<typeof disclosurePolicySchema>;
export const DEFAULT_DISCLOSURE_POLICY: DisclosurePolicy = { k: 5, sensitiveK: 10 };

export const provenanceSchema = z.object({
  disclosureId: z.string().min(1),
  /** Stable URL-safe name of the disclosure, used for file and page names. */
  slug: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  pageKind: z.enum(['NOTICE_LIST', 'RECIPIENT_LIST', 'TOTALS_TABLE', 'CHART']),
  documentSha256: z.string().regex(/^[0-9a-f]{64}$/),
  approvedBy: approverSchema,
  approvedAt: z.iso.datetime({ offset: true }),
  runId: z.string().min(1),
  runAt: z.iso.datetime({ offset: true }),
  rowCount: z.number().int().nonnegative(),
});
export type Provenance = z.infer<typeof provenanceSchema>;

/**
 * What a column holds, declared on the public schema's field: person counts are small-cell
 * suppressed, amounts are fen as digit strings, masked names are never full names.
 */
export const COLUMN_KINDS = [
  'TEXT',
  'PERSON_COUNT',
  'AMOUNT_FEN',
  'MASKED_NAME',
  'SUPPRESSION_NOTE',
] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

export const columnSchema = z.object({
  /** Dotted path of the field in each row, e.g. `region.name`. */
  name: z.string().min(1),
  description: z.string().min(1),
  kind: z.enum(COLUMN_KINDS).default('TEXT'),
});
export type Column = z.infer<typeof columnSchema>;

export const datasetSchema = z.object({
  provenance: provenanceSchema,
  columns: z.array(columnSchema),
  rows: z.array(z.record(z.string(), z.unknown())),
});
export type Dataset = z.infer<typeof datasetSchema>;

/** The approved query behind a dataset, published so anyone can read what was run. */
export const approvedQuerySchema = z.object({
  disclosureId: z.string().min(1),
  slug: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  description: z.string(),
  pageKind: provenanceSchema.shape.pageKind,
  document: z.string().min(1),
  documentSha256: z.string().regex(/^[0-9a-f]{64}$/),
  parameters: z.record(z.string(), z.unknown()),
  outputFields: z.array(z.string().min(1)),
  policy: disclosurePolicySchema.default(DEFAULT_DISCLOSURE_POLICY),
  approvedBy: approverSchema,
  approvedAt: z.iso.datetime({ offset: true }),
});
export type ApprovedQuery = z.infer<typeof approvedQuerySchema>;

export const manifestSchema = z.object({
  runId: z.string().min(1),
  runAt: z.iso.datetime({ offset: true }),
  /**
   * The audit log's chain head when the run was made (ADR 0007): anyone holding it can later check
   * that the log still passes through it. Null for runs made before the chain existed.
   */
  auditChainHead: z
    .object({ seq: z.string().regex(/^[0-9]+$/), sha256: z.string().regex(/^[0-9a-f]{64}$/) })
    .nullable()
    .optional(),
  files: z.array(
    z.object({
      path: z.string().min(1),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      bytes: z.number().int().nonnegative(),
    }),
  ),
});
export type Manifest = z.infer<typeof manifestSchema>;

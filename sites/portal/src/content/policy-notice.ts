import { provenanceSchema } from '@sunshine/disclosure/dataset';
import { POLICY_NOTICES_SLUG } from '@sunshine/disclosure/publication-files';
import type { PublicPolicy } from '@sunshine/schema/public-types';
import { prettifyError, z } from 'zod';
import { PublicationFileError, type Publications } from './read-publications.ts';

/**
 * One row of the policy-notices dataset. The dataset contract types rows as open records, so the
 * portal states here exactly which fields the policy pages read; anything else in a row is dropped.
 */
export const policyNoticeRowSchema = z.object({
  // Becomes a URL path segment, so only URL-safe characters.
  id: z.string().regex(/^[A-Za-z0-9-]+$/),
  title: z.string().min(1),
  documentNumber: z.string().min(1).nullable(),
  issuingBody: z.string().min(1),
  category: z.string().regex(/^[A-Z_]+$/),
  categoryLabel: z.string().min(1),
  issueDate: z.iso.date(),
  effectiveDate: z.iso.date().nullable(),
  expiryDate: z.iso.date().nullable(),
  bodyMarkdown: z.string(),
  attachments: z.array(
    z.object({
      fileName: z.string().min(1),
      mediaType: z.string().min(1),
      byteSize: z.number().int().nonnegative(),
    }),
  ),
  region: z.object({
    code: z.string().regex(/^\d{12}$/),
    name: z.string().min(1),
    level: z.enum(['COUNTY', 'TOWNSHIP', 'VILLAGE', 'GROUP']),
  }),
  publishedAt: z.iso.datetime({ offset: true }),
});
export type PolicyNoticeRow = z.infer<typeof policyNoticeRowSchema>;

/**
 * The row schema must agree with the public read schema the disclosure queries: a field renamed
 * or retyped in `packages/schema/public.graphql` (and its generated types) breaks this build.
 */
type Expected = Omit<
  PublicPolicy,
  '__typename' | 'attachments' | 'region' | 'effectiveDate' | 'expiryDate'
> & {
  effectiveDate: string | null;
  expiryDate: string | null;
  attachments: Omit<PublicPolicy['attachments'][number], '__typename'>[];
  region: Omit<PublicPolicy['region'], '__typename'>;
};
type Agrees<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const rowSchemaAgreesWithPublicSchema: Agrees<
  Omit<PolicyNoticeRow, 'documentNumber' | 'region'> & {
    documentNumber: string;
    region: Omit<PolicyNoticeRow['region'], 'level'> & { level: string };
  },
  Expected
> = true;

/** A policy entry: its row plus where it came from, so every page can show its provenance. */
export const policyNoticeSchema = policyNoticeRowSchema.extend({
  provenance: provenanceSchema,
  /** The dataset file the row was read from, relative to the publications folder. */
  sourceFile: z.string().min(1),
});
export type PolicyNotice = z.infer<typeof policyNoticeSchema>;

/** The rows of the policy-notices dataset, validated; an empty list when it was not published. */
export function readPolicyNotices(publications: Publications): PolicyNotice[] {
  const source = publications.datasets.get(POLICY_NOTICES_SLUG);
  if (!source) return [];
  const seen = new Set<string>();
  return source.dataset.rows.map((raw, index) => {
    const result = policyNoticeRowSchema.safeParse(raw);
    if (!result.success) {
      throw new PublicationFileError(source.file, `rows[${index}]: ${prettifyError(result.error)}`);
    }
    const row = result.data;
    if (seen.has(row.id)) throw new PublicationFileError(source.file, `rows[${index}]: 重复的 id ${row.id}`);
    seen.add(row.id);
    return { ...row, provenance: source.dataset.provenance, sourceFile: source.file };
  });
}

/** Newest issue date first; publication time breaks ties so the order is stable. */
export function byIssueDateDesc(a: PolicyNoticeRow, b: PolicyNoticeRow): number {
  return b.issueDate.localeCompare(a.issueDate) || b.publishedAt.localeCompare(a.publishedAt);
}

import { z } from 'zod';

/**
 * The rows of each public dataset as the portal reads them (shapes from the issue 5 contract). The
 * dataset contract types rows as open records; these schemas name exactly the fields the pages use,
 * and anything else in a row is dropped. Optional details are `nullish`, so a dataset that leaves a
 * detail out still renders; a field the pages cannot do without fails the build, naming the file.
 */

const regionCode = z.string().regex(/^\d{12}$/);
const isoDate = z.iso.date();
/** Fen as a digit string (a number is accepted and turned into one). */
const fen = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative().transform(String)]);
const count = z.number().int().nonnegative();

export const publicRegionSchema = z.object({
  code: regionCode,
  name: z.string().min(1),
  level: z.enum(['COUNTY', 'TOWNSHIP', 'VILLAGE']),
});
export type PublicRegionRef = z.infer<typeof publicRegionSchema>;

const programRef = z.object({ code: z.string().min(1), name: z.string().min(1) });
const programWithSensitive = programRef.extend({ sensitive: z.boolean().default(false) });

const suppression = {
  suppressed: z.boolean().default(false),
  suppressionReason: z.string().nullish(),
};

export const regionRowSchema = z.object({
  code: regionCode,
  name: z.string().min(1),
  level: z.enum(['COUNTY', 'TOWNSHIP', 'VILLAGE']),
  parentCode: regionCode.nullish(),
});
export type RegionRow = z.infer<typeof regionRowSchema>;

export const publicNoticeRowSchema = z.object({
  // Becomes a URL path segment.
  id: z.string().regex(/^[A-Za-z0-9_-]+$/),
  program: programWithSensitive,
  year: z.number().int(),
  township: publicRegionSchema,
  startsOn: isoDate,
  endsOn: isoDate,
  status: z.string().min(1),
  statusLabel: z.string().min(1),
  namesPublished: z.boolean(),
  namesNote: z.string().nullish(),
  recipientCount: count.nullable(),
  amountFen: fen.nullable(),
  ...suppression,
  objectionOffice: z.string().min(1),
  objectionPhone: z.string().min(1),
});
export type PublicNoticeRow = z.infer<typeof publicNoticeRowSchema>;

export const noticeRecipientRowSchema = z.object({
  token: z.string().min(1),
  maskedName: z.string().min(1),
  villagerGroup: z.string().nullish(),
  village: publicRegionSchema,
  township: publicRegionSchema,
  program: programRef,
  year: z.number().int(),
  amountFen: fen.nullish(),
  notice: z.object({
    id: z.string().regex(/^[A-Za-z0-9_-]+$/),
    startsOn: isoDate,
    endsOn: isoDate,
    objectionOffice: z.string().min(1),
    objectionPhone: z.string().min(1),
  }),
});
export type NoticeRecipientRow = z.infer<typeof noticeRecipientRowSchema>;

export const benefitTotalRowSchema = z.object({
  region: publicRegionSchema,
  parentCode: regionCode.nullish(),
  program: programWithSensitive,
  year: z.number().int(),
  recipientCount: count.nullable(),
  amountFen: fen.nullable(),
  ...suppression,
});
export type BenefitTotalRow = z.infer<typeof benefitTotalRowSchema>;

export const activityRowSchema = z.object({
  region: publicRegionSchema,
  parentCode: regionCode.nullish(),
  year: z.number().int(),
  kind: z.string().min(1),
  kindLabel: z.string().min(1),
  activityCount: count,
  participants: count,
  leaflets: count,
  consultations: count,
  peopleScreened: count,
});
export type ActivityRow = z.infer<typeof activityRowSchema>;

export const associationRowSchema = z.object({
  region: publicRegionSchema,
  parentCode: regionCode.nullish(),
  associationCount: count,
  modelCount: count,
  advancedCount: count,
  memberCount: count.nullable(),
  ...suppression,
});
export type AssociationRow = z.infer<typeof associationRowSchema>;

export const evaluationRowSchema = z.object({
  id: z.string().min(1),
  association: z.object({ code: z.string().min(1), name: z.string().min(1) }),
  region: publicRegionSchema,
  evaluatedOn: isoDate,
  passed: z.boolean(),
  score: z.number().nullish(),
  rectificationDeadline: isoDate.nullish(),
  reEvaluation: z.boolean().default(false),
});
export type EvaluationRow = z.infer<typeof evaluationRowSchema>;

export const programRowSchema = z.object({
  code: z.string().regex(/^[A-Za-z0-9_-]+$/),
  name: z.string().min(1),
  kind: z.string().min(1),
  kindLabel: z.string().nullish(),
  fundingTier: z.string().nullish(),
  sensitive: z.boolean().default(false),
  amountUnit: z.string().nullish(),
  amountUnitLabel: z.string().nullish(),
  sourceDocument: z.string().nullish(),
  noticeDays: z.number().int().nullish(),
  objectionOffice: z.string().nullish(),
  objectionPhone: z.string().nullish(),
  standards: z
    .array(
      z.object({
        variant: z.string().min(1),
        variantLabel: z.string().nullish(),
        effectiveFrom: isoDate,
        effectiveUntil: isoDate.nullish(),
        amountFen: fen,
      }),
    )
    .default([]),
});
export type ProgramRow = z.infer<typeof programRowSchema>;

const awardRoundSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]+$/),
  title: z.string().min(1),
  year: z.number().int(),
  documentNumber: z.string().nullish(),
  issuingBody: z.string().min(1),
  issuedOn: isoDate,
  region: publicRegionSchema,
});
export type AwardRound = z.infer<typeof awardRoundSchema>;

export const awardRecipientRowSchema = z.object({
  id: z.string().min(1),
  category: z.string().min(1),
  categoryLabel: z.string().min(1),
  recipientName: z.string().min(1),
  nameMasked: z.boolean(),
  citation: z.string().nullish(),
  prizeFen: fen.nullish(),
  region: publicRegionSchema,
  round: awardRoundSchema,
});
export type AwardRecipientRow = z.infer<typeof awardRecipientRowSchema>;

/**
 * A release history (`releases/<slug>.json`), newest first, as the API writes it
 * (`@sunshine/disclosure/releases/release-diff`). Read leniently: added/removed may be lists of keys
 * (withheld for lists that name people, then only `summary` counts them) and reason counts are
 * signed numbers of people (+ entered, − left).
 */
const changeCount = z.union([count, z.array(z.unknown()).transform((list) => list.length)]);
const signedCount = z.number().int();
export const releaseEntrySchema = z.object({
  runId: z.string().min(1),
  runAt: z.iso.datetime({ offset: true }),
  datasetSha256: z.string().nullish(),
  rowCount: count.nullish(),
  diff: z
    .object({
      added: changeCount.nullish(),
      removed: changeCount.nullish(),
      summary: z.object({ added: count, removed: count, changed: count }).nullish(),
      changed: z
        .array(
          z.object({
            key: z.unknown().transform((key) => (typeof key === 'string' ? key : JSON.stringify(key))),
            field: z.string().nullish(),
            before: z.unknown(),
            after: z.unknown(),
            reasons: z.array(z.object({ code: z.string(), count: signedCount.nullish() })).default([]),
          }),
        )
        .default([]),
      reasons: z
        .array(z.object({ code: z.string(), label: z.string().nullish(), count: signedCount.nullish() }))
        .default([]),
    })
    .transform(({ summary, ...diff }) =>
      summary ? { ...diff, added: summary.added, removed: summary.removed } : diff,
    )
    .nullish(),
});
export type ReleaseEntry = z.infer<typeof releaseEntrySchema>;
export const releaseHistorySchema = z.array(releaseEntrySchema);

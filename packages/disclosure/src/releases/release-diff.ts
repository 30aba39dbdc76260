import { z } from 'zod';
import { disclosurePolicySchema } from '../dataset.ts';
import { REASON_CODES } from './reason-codes.ts';

/**
 * A release compared with the previous release of the same disclosure: rows added and removed,
 * fields changed (before → after), and why, as reason codes read from the data. Stored with each
 * publication (`publication.diff`) and published in `releases/<slug>.json`.
 *
 * - Rows are matched on the root field's key (`row-keys.ts`), e.g. `region.code, program.code,
 *   year` for benefit totals; `rowKey` is empty when rows were matched whole.
 * - `reasons` on an entry are signed numbers of people: + entered the row or total, − left it.
 *   Fewer than k people of one reason in one place are never itemised: they are pooled into
 *   SMALL_CHANGE_WITHHELD, and a person count that moved by 1…k−1 publishes only that.
 * - Lists that name people (a column of kind MASKED_NAME) publish no row keys at all
 *   (`keysWithheld`): a names list must be gone from the portal once its notice window closes, and
 *   a history of who was added or removed would keep it. They publish counts and reasons only.
 * - The first release of a disclosure (`previous: null`) lists nothing: every row is new.
 */
export const reasonCountSchema = z.object({ code: z.enum(REASON_CODES), count: z.number().int() });

const keyValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
/** The key of a row: its key paths and their values, e.g. `{ "region.code": "…", "year": 2025 }`. */
export const rowKeySchema = z.record(z.string(), keyValue);
export type RowKey = z.infer<typeof rowKeySchema>;

export const diffRowSchema = z.object({ key: rowKeySchema, reasons: z.array(reasonCountSchema) });
export type DiffRow = z.infer<typeof diffRowSchema>;

export const diffChangeSchema = z.object({
  key: rowKeySchema,
  /** The column (dotted path) that changed. */
  field: z.string().min(1),
  before: z.unknown(),
  after: z.unknown(),
  reasons: z.array(reasonCountSchema),
});
export type DiffChange = z.infer<typeof diffChangeSchema>;

export const releaseRefSchema = z.object({
  runId: z.string().min(1),
  runAt: z.iso.datetime({ offset: true }),
  datasetSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ReleaseRef = z.infer<typeof releaseRefSchema>;

export const releaseDiffSchema = z.object({
  /** The release compared with; null for the first release of the disclosure. */
  previous: releaseRefSchema.nullable(),
  /** The key paths rows were matched on; empty when rows were matched whole. */
  rowKey: z.array(z.string()),
  keysWithheld: z.boolean(),
  /** Rows added, removed, and rows with at least one changed field. */
  summary: z.object({
    added: z.number().int().nonnegative(),
    removed: z.number().int().nonnegative(),
    changed: z.number().int().nonnegative(),
  }),
  added: z.array(diffRowSchema),
  removed: z.array(diffRowSchema),
  changed: z.array(diffChangeSchema),
  /** Every reason cited, with its label and how many entries (rows, or changed fields) cite it. */
  reasons: z.array(
    z.object({ code: z.enum(REASON_CODES), label: z.string().min(1), count: z.number().int() }),
  ),
});
export type ReleaseDiff = z.infer<typeof releaseDiffSchema>;

/** One release in a disclosure's history (`releases/<slug>.json`, newest first). */
export const releaseEntrySchema = z.object({
  runId: z.string().min(1),
  runAt: z.iso.datetime({ offset: true }),
  documentSha256: z.string().regex(/^[0-9a-f]{64}$/),
  datasetSha256: z.string().regex(/^[0-9a-f]{64}$/),
  rowCount: z.number().int().nonnegative(),
  policy: disclosurePolicySchema,
  /** Null for releases made before diffs were recorded. */
  diff: releaseDiffSchema.nullable(),
});
export type ReleaseEntry = z.infer<typeof releaseEntrySchema>;

/** `releases/<slug>.json`: every release of one disclosure, newest first. */
export const releaseHistorySchema = z.array(releaseEntrySchema);
export type ReleaseHistory = z.infer<typeof releaseHistorySchema>;

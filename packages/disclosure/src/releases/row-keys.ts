/**
 * How the rows of two releases of one disclosure are matched: per root field of the public schema,
 * the dotted paths whose values identify a row. A disclosure that does not select every key path
 * is matched on whole rows (a changed row then shows as removed and added).
 *
 * Kept here, beside the dataset contract, rather than as an extension on the public schema's
 * fields: the diff builder, the portal and the tests read one table, and a new root field without
 * an entry still diffs (on whole rows) instead of failing.
 */
export interface RowKeySpec {
  /** Dotted paths whose values together identify a row across releases. */
  readonly key: readonly string[];
  /**
   * Path of the boolean marking a row of a sensitive program, whose cells use the policy's
   * sensitiveK. When the disclosure does not select it, every row is treated as sensitive.
   */
  readonly sensitive?: string;
}

export const ROW_KEYS: Readonly<Record<string, RowKeySpec>> = {
  policies: { key: ['id'] },
  awardRecipients: { key: ['id'] },
  noticeRecipients: { key: ['token'] },
  publicNotices: { key: ['id'], sensitive: 'program.sensitive' },
  benefitTotals: { key: ['region.code', 'program.code', 'year'], sensitive: 'program.sensitive' },
  activityStatistics: { key: ['region.code', 'year', 'kind'] },
  associationStatistics: { key: ['region.code'] },
  evaluationResults: { key: ['id'] },
  publicPrograms: { key: ['code'] },
  publicRegions: { key: ['code'] },
};

/** The root field's key spec, if it has one. */
export function rowKeySpecOf(rootField: string): RowKeySpec | null {
  return Object.hasOwn(ROW_KEYS, rootField) ? (ROW_KEYS[rootField] ?? null) : null;
}

/** The key paths rows are matched on: the spec's, when the disclosure selects every one of them. */
export function usableRowKey(
  spec: RowKeySpec | null,
  columnNames: readonly string[],
): readonly string[] | null {
  if (!spec) return null;
  const selected = new Set(columnNames);
  return spec.key.every((path) => selected.has(path)) ? spec.key : null;
}

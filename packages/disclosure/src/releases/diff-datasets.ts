import type { DisclosurePolicy } from '../dataset.ts';
import {
  type DatasetBody,
  type MatchedReleases,
  matchReleases,
  type Row,
  thresholdOf,
} from './match-releases.ts';
import {
  PERSONAL_REASONS,
  REASON_CODES,
  REASON_LABELS,
  type ReasonCode,
  type ReasonCount,
  withheldLabel,
} from './reason-codes.ts';
import type { DiffChange, DiffRow, ReleaseDiff, ReleaseRef } from './release-diff.ts';
import { stableJson, valueAt } from './row-values.ts';

/** Why a row's people changed, as read from the data by the API (one entry per key string). */
export interface RowAttribution {
  /** Signed numbers of people who entered (+) or left (−) the row's count, by reason. */
  readonly people?: readonly ReasonCount[];
  /** Numbers of people whose amounts in the row changed, by reason. */
  readonly amounts?: readonly ReasonCount[];
}

export interface DiffOptions {
  /** The disclosure's root field: it names the row key (`row-keys.ts`). */
  rootField: string;
  policy: DisclosurePolicy;
  /** The previous release (null for the first). */
  previousRef: ReleaseRef | null;
  /** Reasons read from the data, by key string of `matchReleases`. */
  attributions?: ReadonlyMap<string, RowAttribution>;
  /** The releases already matched (saves matching twice). */
  matched?: MatchedReleases;
}

/**
 * Compares a release with the previous one of the same disclosure. Pure: the reasons come in
 * `attributions`; this decides which of them may be published.
 *
 * - A person count that moved by 1…k−1 publishes one reason only: SMALL_CHANGE_WITHHELD. Otherwise
 *   every reason counting 1…k−1 people is pooled into it. What the attributions do not explain
 *   of a count's move is a CORRECTION (a changed total without an enrollment behind it).
 * - A cell that is (or becomes) suppressed gets no reasons: they would give its value back.
 * - Lists that name people publish counts and pooled reasons, never row keys.
 */
export function diffDatasets(
  previous: DatasetBody | null,
  current: DatasetBody,
  options: DiffOptions,
): ReleaseDiff {
  const matched = options.matched ?? matchReleases(previous, current, options.rootField);
  const { policy } = options;
  const attribution = (key: string): RowAttribution => options.attributions?.get(key) ?? {};
  const threshold = (row: Row | undefined) => thresholdOf(matched.spec, row, policy);

  const changedKeys = matched.changed;
  const summary = {
    added: previous === null ? current.rows.length : matched.added.length,
    removed: matched.removed.length,
    changed: changedKeys.length,
  };
  const base = {
    previous: options.previousRef,
    rowKey: [...(matched.rowKey ?? [])],
    keysWithheld: matched.keysWithheld,
    summary,
  };
  if (previous === null) return { ...base, added: [], removed: [], changed: [], reasons: [] };

  if (matched.keysWithheld) {
    // One row is one person: tally rows by reason over the whole list, then pool the small ones.
    const rows = [
      ...matched.added.map((key) => ({ key, row: matched.current.get(key) })),
      ...matched.removed.map((key) => ({ key, row: matched.previous.get(key) })),
      ...changedKeys.map((key) => ({ key, row: matched.current.get(key) })),
    ];
    const k = rows.reduce((max, { row }) => Math.max(max, threshold(row)), policy.k);
    const tally = new Map<ReasonCode, number>();
    for (const { key } of rows) {
      for (const reason of mergeReasons(attribution(key).people ?? [])) {
        tally.set(reason.code, (tally.get(reason.code) ?? 0) + 1);
      }
    }
    const counted = [...tally].map(([code, count]) => ({ code, count }));
    return {
      ...base,
      added: [],
      removed: [],
      changed: [],
      reasons: labelled(publishableReasons(counted, k), k, policy),
    };
  }

  const publishedKey = (key: string) => matched.keys.get(key) ?? {};
  const rowReasons = (key: string, row: Row | undefined): ReasonCount[] =>
    hasHiddenCount(matched, row) ? [] : publishableReasons(attribution(key).people ?? [], threshold(row));
  const added: DiffRow[] = matched.added.map((key) => ({
    key: publishedKey(key),
    reasons: rowReasons(key, matched.current.get(key)),
  }));
  const removed: DiffRow[] = matched.removed.map((key) => ({
    key: publishedKey(key),
    reasons: rowReasons(key, matched.previous.get(key)),
  }));
  const changed: DiffChange[] = [];
  for (const key of changedKeys) {
    const before = matched.previous.get(key);
    const after = matched.current.get(key);
    const k = threshold(after);
    for (const column of matched.columns) {
      const was = valueAt(before, column.name);
      const is = valueAt(after, column.name);
      if (stableJson(was) === stableJson(is)) continue;
      let reasons: ReasonCount[] = [];
      if (column.kind === 'PERSON_COUNT' && typeof was === 'number' && typeof is === 'number') {
        const people = mergeReasons(attribution(key).people ?? []);
        const residual = is - was - people.reduce((sum, reason) => sum + reason.count, 0);
        const explained =
          residual === 0 ? people : [...people, { code: 'CORRECTION' as const, count: residual }];
        reasons = publishableReasons(explained, k, is - was);
      } else if (
        column.kind === 'AMOUNT_FEN' &&
        was !== null &&
        is !== null &&
        !hasHiddenCount(matched, after)
      ) {
        reasons = publishableReasons(attribution(key).amounts ?? [], k);
      }
      changed.push({ key: publishedKey(key), field: column.name, before: was, after: is, reasons });
    }
  }
  const entries = [...added, ...removed, ...changed];
  const tally = new Map<ReasonCode, number>();
  for (const entry of entries) {
    for (const reason of entry.reasons) tally.set(reason.code, (tally.get(reason.code) ?? 0) + 1);
  }
  // The withheld label names k when every entry used the same one.
  const thresholds = new Set(
    [...matched.added, ...matched.removed, ...changedKeys].map((key) =>
      threshold(matched.current.get(key) ?? matched.previous.get(key)),
    ),
  );
  const k = thresholds.size === 1 ? ([...thresholds][0] as number) : null;
  return {
    ...base,
    added,
    removed,
    changed,
    reasons: labelled(
      [...tally].map(([code, count]) => ({ code, count })),
      k,
      policy,
    ),
  };
}

/**
 * The reasons that may be published for `raw`: codes merged, zeros dropped; a person count that
 * moved by 1…k−1 (`move`) gives only SMALL_CHANGE_WITHHELD; otherwise personal reasons counting
 * 1…k−1 people are pooled into it.
 */
export function publishableReasons(raw: readonly ReasonCount[], k: number, move?: number): ReasonCount[] {
  if (move !== undefined && move !== 0 && Math.abs(move) < k) {
    return [{ code: 'SMALL_CHANGE_WITHHELD', count: move }];
  }
  const out: ReasonCount[] = [];
  let pooled: number | null = null;
  for (const reason of mergeReasons(raw)) {
    if (
      reason.code === 'SMALL_CHANGE_WITHHELD' ||
      (PERSONAL_REASONS.has(reason.code) && Math.abs(reason.count) < k)
    ) {
      pooled = (pooled ?? 0) + reason.count;
    } else {
      out.push(reason);
    }
  }
  if (pooled !== null) out.push({ code: 'SMALL_CHANGE_WITHHELD', count: pooled });
  return sortReasons(out);
}

/** Sums the counts of each code, drops codes that sum to zero, in the codes' order. */
export function mergeReasons(raw: readonly ReasonCount[]): ReasonCount[] {
  const sums = new Map<ReasonCode, number>();
  for (const reason of raw) sums.set(reason.code, (sums.get(reason.code) ?? 0) + reason.count);
  return sortReasons([...sums].filter(([, count]) => count !== 0).map(([code, count]) => ({ code, count })));
}

function sortReasons(reasons: ReasonCount[]): ReasonCount[] {
  return reasons.sort((a, b) => REASON_CODES.indexOf(a.code) - REASON_CODES.indexOf(b.code));
}

/** A row whose person count is hidden: its reasons would give the count back. */
function hasHiddenCount(matched: MatchedReleases, row: Row | undefined): boolean {
  if (row === undefined) return true;
  if (valueAt(row, 'suppressed') === true) return true;
  return matched.columns.some(
    (column) => column.kind === 'PERSON_COUNT' && typeof valueAt(row, column.name) !== 'number',
  );
}

function labelled(
  reasons: readonly ReasonCount[],
  k: number | null,
  policy: DisclosurePolicy,
): ReleaseDiff['reasons'] {
  return sortReasons([...reasons]).map((reason) => ({
    code: reason.code,
    label:
      reason.code !== 'SMALL_CHANGE_WITHHELD'
        ? REASON_LABELS[reason.code]
        : k !== null
          ? withheldLabel(k)
          : `变动人数少于公开门槛（一般${policy.k}人，特殊家庭项目${policy.sensitiveK}人），原因不单列`,
    count: reason.count,
  }));
}

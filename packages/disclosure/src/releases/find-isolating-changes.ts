import type { DisclosurePolicy } from '../dataset.ts';
import { type DatasetBody, matchReleases, type Row, thresholdOf } from './match-releases.ts';
import { PERSONAL_REASONS } from './reason-codes.ts';
import type { ReleaseDiff, RowKey } from './release-diff.ts';
import { stableJson, valueAt } from './row-values.ts';

export type IsolationKind =
  /** A person count in both releases moved by 1…k−1 and the diff says why. */
  | 'SMALL_MOVE_WITH_REASON'
  /** The diff itemises a reason for 1…k−1 people. */
  | 'SMALL_REASON'
  /** A cell hidden in the previous release is shown now: the two together give it back. */
  | 'SUPPRESSION_LIFTED';

export interface IsolatingChange {
  kind: IsolationKind;
  /** The row's key; null for a list whose keys are withheld. */
  key: RowKey | null;
  /** The column at fault; null for a reason of the whole list. */
  field: string | null;
  /** The row concerned (current, else previous), to name its region: never printed whole. */
  row: Row | null;
}

/**
 * The build's safety net across releases, independent of how the diff was made: everything in a
 * release that, read together with the previous release, tells something about fewer than k
 * people. The run refuses a release with any finding (as it refuses a leak).
 */
export function findIsolatingChanges(
  previous: DatasetBody | null,
  current: DatasetBody,
  diff: ReleaseDiff,
  options: { rootField: string; policy: DisclosurePolicy },
): IsolatingChange[] {
  if (previous === null) return [];
  const matched = matchReleases(previous, current, options.rootField);
  const threshold = (row: Row | undefined) => thresholdOf(matched.spec, row, options.policy);
  const findings: IsolatingChange[] = [];
  const counts = matched.columns.filter((column) => column.kind === 'PERSON_COUNT');

  // The published diff, by key and field, to see what it says about each cell.
  const byKey = new Map<string, { field: string | null; codes: string[] }[]>();
  for (const entry of [...diff.added, ...diff.removed]) {
    push(byKey, stableJson(entry.key), { field: null, codes: entry.reasons.map((r) => r.code) });
  }
  for (const entry of diff.changed) {
    push(byKey, stableJson(entry.key), { field: entry.field, codes: entry.reasons.map((r) => r.code) });
  }

  for (const key of matched.both) {
    const before = matched.previous.get(key) as Row;
    const after = matched.current.get(key) as Row;
    const k = threshold(after);
    const published = byKey.get(stableJson(matched.keys.get(key))) ?? [];
    for (const column of counts) {
      const was = valueAt(before, column.name);
      const is = valueAt(after, column.name);
      if (was === null && is !== null) {
        findings.push({
          kind: 'SUPPRESSION_LIFTED',
          key: keyOf(matched, key),
          field: column.name,
          row: after,
        });
      }
      if (typeof was !== 'number' || typeof is !== 'number') continue;
      const move = Math.abs(is - was);
      if (move === 0 || move >= k) continue;
      const specific = published.some(
        (entry) =>
          entry.field === column.name && entry.codes.some((code) => code !== 'SMALL_CHANGE_WITHHELD'),
      );
      if (specific) {
        findings.push({
          kind: 'SMALL_MOVE_WITH_REASON',
          key: keyOf(matched, key),
          field: column.name,
          row: after,
        });
      }
    }
    if (valueAt(before, 'suppressed') === true && valueAt(after, 'suppressed') === false) {
      findings.push({
        kind: 'SUPPRESSION_LIFTED',
        key: keyOf(matched, key),
        field: 'suppressed',
        row: after,
      });
    }
  }

  // Any personal reason itemised for fewer than k people, wherever the diff puts it.
  const rowsByKey = new Map<string, Row>();
  for (const [key, row] of [...matched.previous, ...matched.current]) {
    rowsByKey.set(stableJson(matched.keys.get(key)), row);
  }
  const entries = [
    ...[...diff.added, ...diff.removed].map((entry) => ({
      key: entry.key,
      field: null,
      reasons: entry.reasons,
    })),
    ...diff.changed.map((entry) => ({ key: entry.key, field: entry.field, reasons: entry.reasons })),
  ];
  for (const entry of entries) {
    const row = rowsByKey.get(stableJson(entry.key));
    const k = threshold(row);
    for (const reason of entry.reasons) {
      if (PERSONAL_REASONS.has(reason.code) && reason.count !== 0 && Math.abs(reason.count) < k) {
        findings.push({ kind: 'SMALL_REASON', key: entry.key, field: entry.field, row: row ?? null });
      }
    }
  }
  if (diff.keysWithheld) {
    const rows = [...matched.current.values(), ...matched.previous.values()];
    const k = rows.reduce((max, row) => Math.max(max, threshold(row)), options.policy.k);
    for (const reason of diff.reasons) {
      if (PERSONAL_REASONS.has(reason.code) && reason.count !== 0 && Math.abs(reason.count) < k) {
        findings.push({ kind: 'SMALL_REASON', key: null, field: null, row: null });
      }
    }
  }
  return findings;
}

function keyOf(matched: ReturnType<typeof matchReleases>, key: string): RowKey | null {
  return matched.keysWithheld ? null : (matched.keys.get(key) ?? null);
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

import { cellKey, type TableCellInput, VILLAGE_DEPTH } from '@sunshine/deidentify';
import type { Dataset } from '@sunshine/disclosure/dataset';

// Shared by the statistics datasets (benefit totals, activities, associations, evaluations): which
// regions a query publishes, how records sit in a suppression table, and what the previous release hid.

/**
 * The region a statistics query publishes: the given region where it lies inside the disclosure's
 * region, the disclosure's region where the given one contains it, nothing otherwise. Its first
 * parameter is `ctx.regionPath`, its second the region code.
 */
export const PUBLISHED_ROOT_SQL = `scope as (select ?::ltree as path),
  root as (
    select case when r.path <@ s.path then r.path else s.path end as path
      from region r, scope s
     where r.code = ? and (r.path <@ s.path or s.path <@ r.path))`;

/** Every county, township and village of the published root, with its parent's code. */
export const ROOT_REGIONS_SQL = `with ${PUBLISHED_ROOT_SQL}
  select r.code, r.name, r.level, r.path::text as path, p.code as parent_code
    from region r join root on r.path <@ root.path
    left join region p on p.id = r.parent_id
   where nlevel(r.path) <= ${VILLAGE_DEPTH}`;

export interface RootRegionRow {
  code: string;
  name: string;
  level: string;
  path: string;
  parent_code: string | null;
}

/**
 * The label of the leaf that stands for what sits directly at a county or township (a person filed
 * at the township, the township's own association), beside its villages, so that every level adds
 * up. Such leaves are never published. Region labels are digits and `_`, so it cannot clash.
 */
export const OWN_LEAF_LABEL = 'SELF';

/** The leaf of the suppression table a record at `path` counts in: its village, or the own leaf. */
export function leafPath(path: string): string {
  const labels = path.split('.');
  return labels.length >= VILLAGE_DEPTH
    ? labels.slice(0, VILLAGE_DEPTH).join('.')
    : `${path}.${OWN_LEAF_LABEL}`;
}

/** Keys of the rows the previous release hid, by a row's own key (region code and whatever else). */
export function previouslySuppressed(
  previous: Dataset | null,
  keyOf: (row: Record<string, unknown>) => string | null,
): Set<string> {
  const keys = new Set<string>();
  for (const row of previous?.rows ?? []) {
    if (row.suppressed !== true) continue;
    const key = keyOf(row);
    if (key !== null) keys.add(key);
  }
  return keys;
}

/** A nested field of a published row, or null when the previous release did not publish it. */
export function field(row: Record<string, unknown>, dotted: string): unknown {
  let value: unknown = row;
  for (const part of dotted.split('.')) {
    if (value === null || typeof value !== 'object') return null;
    value = (value as Record<string, unknown>)[part];
  }
  return value ?? null;
}

/** Adds up input cells that fall on the same leaf (records of a village's groups, say). */
export function mergeLeaves(input: readonly TableCellInput[]): TableCellInput[] {
  const merged = new Map<string, { regionPath: string; column: string; count: number; sum: bigint }>();
  for (const cell of input) {
    const key = cellKey(cell.regionPath, cell.column);
    const leaf = merged.get(key) ?? { regionPath: cell.regionPath, column: cell.column, count: 0, sum: 0n };
    leaf.count += cell.count;
    leaf.sum += BigInt(cell.sum);
    merged.set(key, leaf);
  }
  return [...merged.values()];
}

import { createHash } from 'node:crypto';
import type { ColumnKind, Dataset, DisclosurePolicy } from '../dataset.ts';
import type { RowKey } from './release-diff.ts';
import { type RowKeySpec, rowKeySpecOf, usableRowKey } from './row-keys.ts';
import { stableJson, valueAt } from './row-values.ts';

export type Row = Record<string, unknown>;

/** What a comparison reads of a dataset: its columns and rows (provenance plays no part). */
export type DatasetBody = Pick<Dataset, 'columns' | 'rows'>;

/** Two releases of one disclosure with their rows matched by key. */
export interface MatchedReleases {
  spec: RowKeySpec | null;
  /** The key paths rows were matched on; null when rows were matched whole. */
  rowKey: readonly string[] | null;
  /** True when the rows name people: no row key may be published. */
  keysWithheld: boolean;
  /** Rows by their key string (see `keyString`), in each release's row order. */
  previous: Map<string, Row>;
  current: Map<string, Row>;
  /** The published form of each key string. */
  keys: Map<string, RowKey>;
  added: string[];
  removed: string[];
  /** Keys present in both releases (whether or not the row changed), in the current order. */
  both: string[];
  /** Keys present in both releases whose rows differ, in the current order. */
  changed: string[];
  /** Every column (current first, then columns only the previous release had) and its kind. */
  columns: { name: string; kind: ColumnKind }[];
}

/**
 * Matches the rows of two releases on the root field's key. A key repeated within one release
 * (which a well-formed dataset never has) is told apart by its occurrence, so nothing is lost.
 */
export function matchReleases(
  previous: DatasetBody | null,
  current: DatasetBody,
  rootField: string,
): MatchedReleases {
  const columns = mergeColumns(previous, current);
  const spec = rowKeySpecOf(rootField);
  const rowKey = usableRowKey(
    spec,
    current.columns.map((column) => column.name),
  );
  const keys = new Map<string, RowKey>();
  const index = (rows: readonly Row[]): Map<string, Row> => {
    const byKey = new Map<string, Row>();
    for (const row of rows) {
      const key = publishedKey(row, rowKey);
      const base = stableJson(key);
      let keyString = base;
      for (let n = 2; byKey.has(keyString); n++) keyString = `${base}#${n}`;
      byKey.set(keyString, row);
      keys.set(keyString, key);
    }
    return byKey;
  };
  const previousRows = index((previous?.rows ?? []) as Row[]);
  const currentRows = index(current.rows as Row[]);
  const both = [...currentRows.keys()].filter((key) => previousRows.has(key));
  return {
    spec,
    rowKey,
    keysWithheld: columns.some((column) => column.kind === 'MASKED_NAME'),
    previous: previousRows,
    current: currentRows,
    keys,
    added: [...currentRows.keys()].filter((key) => !previousRows.has(key)),
    removed: [...previousRows.keys()].filter((key) => !currentRows.has(key)),
    both,
    changed: both.filter((key) => stableJson(previousRows.get(key)) !== stableJson(currentRows.get(key))),
    columns,
  };
}

/** The key string of a published key, as `matchReleases` spells it (first occurrence). */
export function keyString(key: RowKey): string {
  return stableJson(key);
}

function publishedKey(row: Row, rowKey: readonly string[] | null): RowKey {
  if (rowKey === null) {
    return { rowSha256: createHash('sha256').update(stableJson(row)).digest('hex').slice(0, 16) };
  }
  const key: RowKey = {};
  for (const path of rowKey) {
    const value = valueAt(row, path);
    key[path] =
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null
        ? value
        : stableJson(value);
  }
  return key;
}

function mergeColumns(
  previous: DatasetBody | null,
  current: DatasetBody,
): { name: string; kind: ColumnKind }[] {
  const out = current.columns.map((column) => ({ name: column.name, kind: column.kind ?? 'TEXT' }));
  const seen = new Set(out.map((column) => column.name));
  for (const column of previous?.columns ?? []) {
    if (!seen.has(column.name)) out.push({ name: column.name, kind: column.kind ?? 'TEXT' });
  }
  return out;
}

/**
 * The smallest number of people a cell of this row may show: the policy's k, or its sensitiveK
 * for a sensitive program's row. A row whose sensitivity cannot be read (the disclosure does not
 * select it, or the root field is unknown) gets the larger of the two.
 */
export function thresholdOf(spec: RowKeySpec | null, row: Row | undefined, policy: DisclosurePolicy): number {
  const strict = Math.max(policy.k, policy.sensitiveK);
  if (!spec) return strict;
  if (spec.sensitive === undefined) return policy.k;
  return row !== undefined && valueAt(row, spec.sensitive) === false ? policy.k : strict;
}

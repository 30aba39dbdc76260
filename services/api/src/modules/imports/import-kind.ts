import type pg from 'pg';
import type { Parsed } from './cell-values.ts';
import type { CopyValue } from './copy-writer.ts';
import type { ColumnSpec, HeaderMap } from './import-columns.ts';
import { type ImportRowError, type RowErrorCode, rowError } from './import-errors.ts';
import type { Cell } from './read-table-rows.ts';

export const IMPORT_KINDS = ['PERSONS', 'MEMBERS', 'ACTIVITIES'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface StageContext {
  hmacKey: string;
  userId: string;
}

/**
 * One kind of import: its columns, the temporary staging table its rows are copied into, the
 * row-by-row checks (formats, enums, ID numbers), the set-based checks in SQL (duplicates in the file,
 * jurisdiction, references), and the writes: one INSERT … SELECT … ON CONFLICT … DO UPDATE … WHERE
 * (…) IS DISTINCT FROM (…) per target table, so importing the same file again changes nothing.
 */
export interface ImportKindDefinition<K extends string = string> {
  kind: ImportKind;
  label: { zh: string; en: string };
  columns: readonly ColumnSpec<K>[];
  /** Temporary tables (ON COMMIT DROP) the rows are staged in. */
  stageDdl: string;
  stageTable: string;
  stageColumns: readonly string[];
  /** The row's values for the staging table (what parsed) and its errors (what did not). */
  stageRow(row: number, cells: readonly Cell[], header: HeaderMap<K>, context: StageContext): StagedRow;
  /** Set-based checks over the staged rows; at most `cap` errors and the total count. */
  check(client: pg.PoolClient, header: HeaderMap<K>, cap: number): Promise<CheckResult>;
  /** Writes the staged rows; rows changed per table. Runs only when no row has an error. */
  write(client: pg.PoolClient, header: HeaderMap<K>, context: StageContext): Promise<Record<string, number>>;
}

export interface StagedRow {
  values: CopyValue[];
  errors: ImportRowError[];
}

export interface CheckResult {
  errors: ImportRowError[];
  total: number;
}

/** Collects a row's errors while its cells are parsed one by one. */
export class RowErrors<K extends string> {
  readonly errors: ImportRowError[] = [];

  constructor(
    private readonly row: number,
    private readonly header: HeaderMap<K>,
  ) {}

  /** The value if it parsed, else records the error and gives null. */
  take<T>(key: K, parsed: Parsed<T>, choices?: readonly string[]): T | null {
    if (parsed.ok) return parsed.value;
    this.add(key, parsed.code, { min: parsed.min, max: parsed.max, choices });
    return null;
  }

  add(
    key: K,
    code: RowErrorCode,
    detail: { min?: number; max?: number; choices?: readonly string[] } = {},
  ): void {
    this.errors.push(rowError(this.row, this.header.headerOf(key), code, detail));
  }

  /** Records REQUIRED when a required value is missing (and nothing else was wrong with it). */
  require<T>(key: K, value: T | null): void {
    if (value === null && !this.errors.some((error) => error.column === this.header.headerOf(key))) {
      this.add(key, 'REQUIRED');
    }
  }
}

/**
 * Runs set-based checks written as one `select row_number, key, code, other_rows` per check, glued
 * with UNION ALL; returns the first `cap` errors by row and the total.
 */
export async function runChecks<K extends string>(
  client: pg.PoolClient,
  checks: readonly string[],
  header: HeaderMap<K>,
  cap: number,
): Promise<CheckResult> {
  const { rows } = await client.query<{
    row_number: number;
    key: K;
    code: RowErrorCode;
    other_rows: number[] | null;
    total: string;
  }>(
    `with found as (${checks.map((sql) => `(${sql})`).join(' union all ')})
     select row_number, key, code, other_rows, count(*) over () as total
       from found order by row_number, key limit $1`,
    [cap],
  );
  return {
    total: Number(rows[0]?.total ?? 0),
    errors: rows.map((found) =>
      rowError(found.row_number, header.headerOf(found.key), found.code, {
        otherRows: (found.other_rows ?? []).filter((other) => other !== found.row_number),
      }),
    ),
  };
}

/** Rows that share a key: each row is reported, naming the others. */
export function duplicateCheck(table: string, keyColumns: string, errorKey: string, where = 'true'): string {
  return `select s.row_number, '${errorKey}' as key, 'DUPLICATE_IN_FILE' as code, d.rows as other_rows
            from ${table} s
            join (select ${keyColumns}, array_agg(row_number order by row_number) as rows
                    from ${table} where ${where} group by ${keyColumns} having count(*) > 1) d
              using (${keyColumns})
           where ${where}`;
}

/** `present` columns take the file's value; absent ones keep what is stored (`existing`), or `fallback`. */
export function valueFrom<K extends string>(
  header: HeaderMap<K>,
  key: K,
  given: string,
  existing: string,
  fallback = 'null',
): string {
  return header.present.has(key) ? given : `coalesce(${existing}, ${fallback})`;
}

export function rowCount(result: pg.QueryResult): number {
  return result.rowCount ?? 0;
}

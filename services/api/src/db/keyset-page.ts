import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../errors/domain-error.ts';
import { decodeCursor, encodeCursor, type Page } from '../graphql/relay-cursor.ts';

/**
 * One sort order of a keyset-paginated list: the column compared (typed, so its index serves),
 * the text the cursor carries and how that text goes back to SQL.
 */
export interface KeysetSort {
  /** The typed column or expression, e.g. `a.held_on`. */
  column: string;
  /** SQL giving the cursor's text for a row. */
  cursorText: string;
  /** SQL turning the cursor's text back into the column's type, with one `?`. */
  fromCursor: string;
  /** Whether a cursor's text can be that type: a forged cursor is BAD_INPUT, not an SQL error. */
  accepts: (text: string) => boolean;
}

/** A sort on a text column or expression: the cursor carries the text itself. */
export function textSort(column: string): KeysetSort {
  return { column, cursorText: column, fromCursor: '?', accepts: () => true };
}

/**
 * The keyset condition for rows after `after` in `direction`, or null on the first page. `id` is
 * the tie-breaking uuid column.
 */
export function afterCursor(
  sort: KeysetSort,
  id: string,
  direction: 'asc' | 'desc',
  after: string | null | undefined,
): { sql: string; params: unknown[] } | null {
  if (!after) return null;
  const cursor = decodeCursor(after);
  if (!sort.accepts(cursor.sortValue)) throw badInput('after', '分页游标无效', 'The cursor is invalid');
  return {
    sql: `(${sort.column}, ${id}) ${direction === 'asc' ? '>' : '<'} (${sort.fromCursor}, ?::uuid)`,
    params: [cursor.sortValue, cursor.id],
  };
}

export interface KeysetPageQuery<Row extends { id: string }, T> {
  /** The `from …` clause (keyword included) the page's columns come from. */
  from: string;
  /** The `from …` clause the total is counted over, when the columns need joins the filters do not. */
  countFrom?: string;
  /** The select list of a row (without the sort value). */
  columns: string;
  /** Filter conditions, joined with `and`; `?` placeholders take `params` in order. */
  where: readonly string[];
  params: readonly unknown[];
  sort: KeysetSort;
  /** The tie-breaking uuid column, e.g. `a.id`. */
  idColumn: string;
  direction: 'asc' | 'desc';
  /** The page size, already checked (`pageSize`). */
  size: number;
  after: string | null | undefined;
  mapRow: (row: Row) => T;
}

/**
 * One page of a filtered list, ordered by `sort` then id, after the keyset cursor `after`, with the
 * total of rows the filters match (whatever the cursor). Two statements: the count and the page.
 */
export async function keysetPage<Row extends { id: string }, T>(
  em: EntityManager,
  query: KeysetPageQuery<Row, T>,
): Promise<Page<T>> {
  const { sort, idColumn, direction, size } = query;
  const where = query.where.length > 0 ? query.where : ['true'];
  const [countRow] = (await em.execute(
    `select count(*)::int as total ${query.countFrom ?? query.from} where ${where.join(' and ')}`,
    [...query.params],
  )) as { total: number }[];

  const keyset = afterCursor(sort, idColumn, direction, query.after);
  const pageWhere = keyset ? [...where, keyset.sql] : where;
  const pageParams = keyset ? [...query.params, ...keyset.params] : query.params;
  const rows = (await em.execute(
    `select ${query.columns}, ${sort.cursorText} as sort_value ${query.from}
      where ${pageWhere.join(' and ')}
      order by ${sort.column} ${direction}, ${idColumn} ${direction}
      limit ?`,
    [...pageParams, size + 1],
  )) as (Row & { sort_value: string })[];
  const pageRows = rows.slice(0, size);
  return {
    nodes: pageRows.map(({ sort_value: _sortValue, ...row }) => query.mapRow(row as unknown as Row)),
    cursors: pageRows.map((row) => encodeCursor(row.sort_value, row.id)),
    hasNextPage: rows.length > size,
    totalCount: countRow?.total ?? 0,
  };
}

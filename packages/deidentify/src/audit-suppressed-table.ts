import { findDeterminedCells, type LinearConstraint } from './find-determined-cells.ts';
import { findPinnedCells } from './find-pinned-cells.ts';
import type { PublishedCell, SuppressedTable } from './suppress-small-cells.ts';
import { type CountRange, HIDDEN_CELL_RANGE } from './suppression-reason.ts';

export interface SuppressionProblem {
  readonly code: 'SMALL_CELL_PUBLISHED' | 'SUPPRESSED_CELL_RECOVERABLE' | 'SUM_WITHOUT_COUNT';
  readonly regionPath: string;
  readonly column: string | null;
}

/**
 * An independent check of a published table, for the disclosure contract test and the leak
 * scanner: no count in 1..k−1 is published, sums and counts are hidden together, and no hidden
 * cell can be computed from the published totals, neither exactly (linear algebra) nor by
 * narrowing its range to one value knowing that a hidden cell is never 0. The constraints are
 * derived from the published cells alone (parent = Σ children per column, row total = Σ columns).
 */
export function auditSuppressedTable(table: SuppressedTable): SuppressionProblem[] {
  const problems: SuppressionProblem[] = [];
  const report = (code: SuppressionProblem['code'], cell: PublishedCell) =>
    problems.push({ code, regionPath: cell.regionPath, column: cell.column });

  const ids = new Map<string, number>();
  table.cells.forEach((cell, id) => {
    ids.set(`${cell.regionPath}\u0000${cell.column ?? ''}`, id);
    if (cell.count !== null && cell.count >= 1 && cell.count < table.k) report('SMALL_CELL_PUBLISHED', cell);
    if ((cell.count === null) !== (cell.sum === null)) report('SUM_WITHOUT_COUNT', cell);
  });
  const id = (regionPath: string, column: string | null) => ids.get(`${regionPath}\u0000${column ?? ''}`);

  const paths = [...new Set(table.cells.map((c) => c.regionPath))];
  const children = new Map<string, string[]>();
  for (const path of paths) {
    const cut = path.lastIndexOf('.');
    if (cut > 0) {
      const parent = path.slice(0, cut);
      children.set(parent, [...(children.get(parent) ?? []), path]);
    }
  }
  const constraints: LinearConstraint[] = [];
  const push = (cells: (number | undefined)[]) => {
    // A constraint with a cell missing from the table is not published, so it reveals nothing.
    if (cells.every((c) => c !== undefined)) constraints.push({ cells: cells as number[] });
  };
  for (const path of paths) {
    push([id(path, null), ...table.columns.map((c) => id(path, c))]);
    const kids = children.get(path) ?? [];
    if (kids.length > 0) {
      for (const column of [...table.columns, null])
        push([id(path, column), ...kids.map((k) => id(k, column))]);
    }
  }
  const unknown = new Set(table.cells.flatMap((c, i) => (c.count === null ? [i] : [])));
  const recovered = new Set(findDeterminedCells(constraints, unknown));
  const known = new Map<number, number>();
  const hidden = new Map<number, CountRange>();
  table.cells.forEach((c, i) => {
    if (c.count === null) hidden.set(i, HIDDEN_CELL_RANGE);
    else known.set(i, c.count);
  });
  for (const id of findPinnedCells(constraints, known, hidden)) recovered.add(id);
  for (const id of [...recovered].sort((a, b) => a - b)) {
    report('SUPPRESSED_CELL_RECOVERABLE', table.cells[id] as PublishedCell);
  }
  return problems;
}

/**
 * Which unknown cells of a table can be computed exactly from the published cells?
 *
 * Every published aggregate is a linear constraint `total − Σ parts = 0`. Restricted to the unknown
 * (suppressed) cells, the constraints form a matrix A; an unknown cell x is determined by the
 * published values exactly when the unit vector e_x lies in the row space of A, i.e. when some row of
 * the reduced row echelon form of A is e_x. The "two suppressed cells in every constraint" rule is
 * necessary but not sufficient (a suppressed cell bridging two suppressed rectangles is recoverable
 * by adding and subtracting several totals); this check catches those too.
 *
 * Exact arithmetic: sparse rows of bigint coefficients, fraction-free elimination, each row divided
 * by the gcd of its entries.
 */
export interface LinearConstraint {
  /** Cell ids; the first is the total, the rest are its parts. */
  readonly cells: readonly number[];
}

type Row = Map<number, bigint>;

const abs = (v: bigint): bigint => (v < 0n ? -v : v);

function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** a·row − b·pivotRow, eliminating `column`; the result is divided by the gcd of its entries. */
function eliminate(row: Row, pivotRow: Row, column: number): Row {
  const a = pivotRow.get(column) ?? 0n;
  const b = row.get(column) ?? 0n;
  const out: Row = new Map();
  for (const [c, v] of row) out.set(c, v * a);
  for (const [c, v] of pivotRow) {
    const next = (out.get(c) ?? 0n) - v * b;
    if (next === 0n) out.delete(c);
    else out.set(c, next);
  }
  out.delete(column);
  let g = 0n;
  for (const v of out.values()) g = gcd(g, v);
  if (g > 1n) for (const [c, v] of out) out.set(c, v / g);
  return out;
}

/** The ids of unknown cells the constraints determine, ascending. */
export function findDeterminedCells(
  constraints: readonly LinearConstraint[],
  unknown: ReadonlySet<number>,
): number[] {
  const pivots = new Map<number, Row>();
  for (const constraint of constraints) {
    let row: Row = new Map();
    constraint.cells.forEach((cell, i) => {
      if (unknown.has(cell)) row.set(cell, (row.get(cell) ?? 0n) + (i === 0 ? 1n : -1n));
    });
    for (const [c, v] of row) if (v === 0n) row.delete(c);
    for (const [column, pivotRow] of pivots) {
      if (row.has(column)) row = eliminate(row, pivotRow, column);
    }
    if (row.size === 0) continue;
    const column = Math.min(...row.keys());
    for (const [other, pivotRow] of pivots) {
      if (pivotRow.has(column)) pivots.set(other, eliminate(pivotRow, row, column));
    }
    pivots.set(column, row);
  }
  return [...pivots]
    .filter(([, row]) => row.size === 1)
    .map(([column]) => column)
    .sort((a, b) => a - b);
}

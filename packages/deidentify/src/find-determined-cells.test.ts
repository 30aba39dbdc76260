import { describe, expect, it } from 'vitest';
import { findDeterminedCells, type LinearConstraint } from './find-determined-cells.ts';

/** A plain 4 × 4 table with published row and column totals; cell (r, c) has id 4r + c. */
function rowsAndColumns(): LinearConstraint[] {
  const rowTotal = (r: number) => 100 + r;
  const columnTotal = (c: number) => 200 + c;
  const ids = [0, 1, 2, 3];
  return [
    ...ids.map((r) => ({ cells: [rowTotal(r), ...ids.map((c) => 4 * r + c)] })),
    ...ids.map((c) => ({ cells: [columnTotal(c), ...ids.map((r) => 4 * r + c)] })),
  ];
}

describe('findDeterminedCells', () => {
  it('finds nothing when every row and column holds a suppressed rectangle', () => {
    expect(findDeterminedCells(rowsAndColumns(), new Set([0, 1, 4, 5]))).toEqual([]);
  });

  it('finds the lone suppressed cell of a row', () => {
    expect(findDeterminedCells(rowsAndColumns(), new Set([0, 1, 4, 5, 10]))).toEqual([10]);
  });

  it('finds a bridge between two suppressed rectangles although every row and column has two suppressed cells', () => {
    // Rows 0–1 × columns 0–1 and rows 2–3 × columns 2–3 are suppressed, plus (1, 2): rows 0 + 1 minus
    // columns 0 + 1 leaves exactly (1, 2).
    const bridge = 4 * 1 + 2;
    const unknown = new Set([0, 1, 4, 5, bridge, 10, 11, 14, 15]);
    expect(findDeterminedCells(rowsAndColumns(), unknown)).toEqual([bridge]);
  });

  it('treats a suppressed total as unknown too', () => {
    // Column 0's total still gives cell 0 away, and then row 0's total.
    expect(findDeterminedCells(rowsAndColumns(), new Set([100, 0]))).toEqual([0, 100]);
    expect(findDeterminedCells(rowsAndColumns(), new Set([100, 200, 0]))).toEqual([]);
    expect(findDeterminedCells(rowsAndColumns(), new Set([100]))).toEqual([100]);
  });
});

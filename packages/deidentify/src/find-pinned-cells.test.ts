import { describe, expect, it } from 'vitest';
import { findPinnedCells } from './find-pinned-cells.ts';
import { type CountRange, HIDDEN_CELL_RANGE } from './suppression-reason.ts';

const hiddenAt = (...ids: number[]) => new Map<number, CountRange>(ids.map((id) => [id, HIDDEN_CELL_RANGE]));

describe('findPinnedCells', () => {
  it('pins two hidden cells that a total leaves 2 for, none being 0', () => {
    // Cell 0 = 1 + 2 + 3 (ids), published 0 = 7 and 3 = 5: cells 1 and 2 share 2.
    const constraints = [{ cells: [0, 1, 2, 3] }];
    expect(
      findPinnedCells(
        constraints,
        new Map([
          [0, 7],
          [3, 5],
        ]),
        hiddenAt(1, 2),
      ),
    ).toEqual([1, 2]);
    expect(
      findPinnedCells(
        constraints,
        new Map([
          [0, 8],
          [3, 5],
        ]),
        hiddenAt(1, 2),
      ),
    ).toEqual([]);
  });

  it('follows ranges through several totals', () => {
    // 0 = 1 + 2 with 0 = 10 published, 1 hidden and 2 hidden; 2 = 3 + 4 with 3 = 8 published and 4 hidden:
    // 2 ≥ 9, so 1 ≤ 1, so 1 = 1, 2 = 9, 4 = 1.
    const constraints = [{ cells: [0, 1, 2] }, { cells: [2, 3, 4] }];
    expect(
      findPinnedCells(
        constraints,
        new Map([
          [0, 10],
          [3, 8],
        ]),
        hiddenAt(1, 2, 4),
      ),
    ).toEqual([1, 2, 4]);
  });

  it('leaves alone a cell whose range is one value to begin with, and unpublished totals', () => {
    const constraints = [{ cells: [0, 1, 2] }, { cells: [9, 1] }];
    const hidden = new Map<number, CountRange>([
      [1, { lo: 3, hi: 3 }],
      [2, HIDDEN_CELL_RANGE],
    ]);
    expect(findPinnedCells(constraints, new Map([[0, 10]]), hidden)).toEqual([2]);
    // Cell 9 is neither published nor hidden: its constraint tells nothing.
    expect(findPinnedCells([{ cells: [9, 1] }], new Map(), hiddenAt(1))).toEqual([]);
  });

  it('keeps what is known when the assumptions contradict the totals', () => {
    // 0 = 1 + 2 with 0 = 1 published: two hidden cells of at least 1 cannot make 1.
    expect(findPinnedCells([{ cells: [0, 1, 2] }], new Map([[0, 1]]), hiddenAt(1, 2))).toEqual([]);
  });
});

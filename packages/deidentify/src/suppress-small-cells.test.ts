import { describe, expect, it } from 'vitest';
import {
  cellKey,
  type PublishedCell,
  suppressSmallCells,
  type TableCellInput,
} from './suppress-small-cells.ts';

const cell = (
  regionPath: string,
  column: string,
  count: number,
  sum: bigint | string = BigInt(count) * 10000n,
) => ({
  regionPath,
  column,
  count,
  sum,
});

function suppressedKeys(cells: readonly PublishedCell[]): string[] {
  return cells.filter((c) => c.suppression).map((c) => `${c.regionPath}/${c.column ?? '合计'}`);
}

function find(cells: readonly PublishedCell[], regionPath: string, column: string | null): PublishedCell {
  const found = cells.find((c) => c.regionPath === regionPath && c.column === column);
  if (!found) throw new Error(`no cell ${regionPath}/${column}`);
  return found;
}

describe('suppressSmallCells', () => {
  it('suppresses a small village and its smallest sibling, leaving township and county totals published', () => {
    const table = suppressSmallCells([
      cell('c.t1.v1', 'A', 3),
      cell('c.t1.v2', 'A', 10),
      cell('c.t2.v3', 'A', 20),
    ]);
    expect(suppressedKeys(table.cells)).toEqual(['c.t1.v1/A', 'c.t1.v1/合计', 'c.t1.v2/A', 'c.t1.v2/合计']);
    expect(find(table.cells, 'c.t1', 'A')).toMatchObject({ count: 13, sum: '130000', suppression: null });
    expect(find(table.cells, 'c', null)).toMatchObject({ count: 33, sum: '330000' });
    const reason = '为保护个人隐私不予公开：人数少于5人，或可能被用来推算人数少于5人的数据';
    expect(find(table.cells, 'c.t1.v1', 'A').suppression).toEqual({ code: 'PRIMARY', reason });
    expect(find(table.cells, 'c.t1.v2', 'A').suppression).toEqual({ code: 'SECONDARY', reason });
  });

  it('protects a small cell in a two-way table with a rectangle of four cells', () => {
    // One township, two villages, two programs. v1/A = 2 is primary; the cheapest complements
    // are v1/B (row) and v2/A (column), and then v2/B closes the rectangle.
    const table = suppressSmallCells([
      cell('c.t.v1', 'A', 2),
      cell('c.t.v1', 'B', 30),
      cell('c.t.v2', 'A', 20),
      cell('c.t.v2', 'B', 40),
    ]);
    expect(suppressedKeys(table.cells)).toEqual(['c.t.v1/A', 'c.t.v1/B', 'c.t.v2/A', 'c.t.v2/B']);
    expect(find(table.cells, 'c.t.v1', null).count).toBe(32);
    expect(find(table.cells, 'c.t', 'A').count).toBe(22);
  });

  it('publishes zeros and never hides a zero as a complement', () => {
    const table = suppressSmallCells([
      cell('c.t.v1', 'A', 4),
      cell('c.t.v1', 'B', 0),
      cell('c.t.v2', 'A', 0),
      cell('c.t.v2', 'B', 12),
    ]);
    expect(find(table.cells, 'c.t.v1', 'B')).toMatchObject({ count: 0, sum: '0', suppression: null });
    expect(find(table.cells, 'c.t.v2', 'A')).toMatchObject({ count: 0, sum: '0', suppression: null });
    for (const c of table.cells) if (c.suppression) expect(c.count).toBeNull();
    // v1/A = 4 equals its row total and its township column total, which are small themselves.
    expect(suppressedKeys(table.cells)).toContain('c.t/A');
    expect(suppressedKeys(table.cells)).toContain('c.t.v1/合计');
  });

  it('treats a missing leaf cell as 0', () => {
    const table = suppressSmallCells([cell('c.t.v1', 'A', 7), cell('c.t.v2', 'B', 8)]);
    expect(find(table.cells, 'c.t.v1', 'B')).toMatchObject({ count: 0, sum: '0' });
    expect(table.columns).toEqual(['A', 'B']);
  });

  it('honours a custom k and says so in the reason', () => {
    const table = suppressSmallCells([cell('c.t.v1', 'A', 6), cell('c.t.v2', 'A', 9)], { k: 7 });
    expect(find(table.cells, 'c.t.v1', 'A').suppression?.reason).toBe(
      '为保护个人隐私不予公开：人数少于7人，或可能被用来推算人数少于7人的数据',
    );
    expect(table.k).toBe(7);
  });

  it('aggregates a sensitive program to townships and suppresses below 10', () => {
    const table = suppressSmallCells(
      [
        cell('c.t1.v1', '特别扶助', 4),
        cell('c.t1.v2', '特别扶助', 4),
        cell('c.t2.v3', '特别扶助', 6),
        cell('c.t2.v4', '特别扶助', 6),
        cell('c.t3.v5', '特别扶助', 30),
      ],
      { sensitive: true },
    );
    expect(table.k).toBe(10);
    expect(table.generalisation?.code).toBe('SENSITIVE_LEVEL');
    expect(table.cells.some((c) => c.regionPath.split('.').length > 2)).toBe(false);
    expect(find(table.cells, 'c.t1', '特别扶助').suppression?.reason).toBe(
      '为保护个人隐私不予公开：人数少于10人，或可能被用来推算人数少于10人的数据',
    );
    // t1 (8) is small; its smallest sibling t2 (12) is hidden with it; t3 and the county stay.
    expect(find(table.cells, 'c.t2', '特别扶助').suppression?.code).toBe('SECONDARY');
    expect(find(table.cells, 'c.t3', '特别扶助')).toMatchObject({ count: 30, sum: '300000' });
    expect(find(table.cells, 'c', '特别扶助')).toMatchObject({ count: 50, sum: '500000' });
    expect(suppressedKeys(table.cells)).toEqual(['c.t1/特别扶助', 'c.t1/合计', 'c.t2/特别扶助', 'c.t2/合计']);
  });

  it('suppresses the sum with its count and publishes sums as digit strings', () => {
    const table = suppressSmallCells([
      cell('c.t.v1', 'A', 2, '123'),
      cell('c.t.v2', 'A', 9, 99999999999999999999n),
    ]);
    for (const c of table.cells) expect(c.sum === null).toBe(c.count === null);
    expect(find(table.cells, 'c', 'A').sum).toBe('100000000000000000122');
  });

  it('hides one more village when the hidden villages of a township could only be 1 each (a hidden cell is never 0)', () => {
    // Township 7 = 1 + 1 + 5. Hiding the two 1s alone leaves 2 for two cells that are at least 1.
    const table = suppressSmallCells([
      cell('c.t1.v1', 'A', 1),
      cell('c.t1.v2', 'A', 1),
      cell('c.t1.v3', 'A', 5),
      cell('c.t2.v4', 'A', 20),
    ]);
    expect(find(table.cells, 'c.t1.v3', 'A').suppression?.code).toBe('SECONDARY');
    expect(find(table.cells, 'c.t1', 'A')).toMatchObject({ count: 7, suppression: null });
  });

  it('gives a small cell and its complement the same reason, so the reason bounds neither', () => {
    // Township 6 = 1 + 5: "fewer than 5" beside "hidden to protect it" would leave only 1 + 5.
    const table = suppressSmallCells([
      cell('c.t1.v1', 'A', 1),
      cell('c.t1.v2', 'A', 5),
      cell('c.t2.v3', 'A', 20),
    ]);
    const small = find(table.cells, 'c.t1.v1', 'A').suppression;
    const complement = find(table.cells, 'c.t1.v2', 'A').suppression;
    expect([small?.code, complement?.code]).toEqual(['PRIMARY', 'SECONDARY']);
    expect(small?.reason).toBe(complement?.reason);
  });

  describe('keepSuppressed (cells hidden in the previous release)', () => {
    const reason = '上一期已隐藏，为防止前后对比推算，本期继续隐藏';

    it('keeps a cell hidden although it is no longer small, says why, and hides a complement again', () => {
      const input = [cell('c.t1.v1', 'A', 8), cell('c.t1.v2', 'A', 12), cell('c.t2.v3', 'A', 20)];
      expect(suppressedKeys(suppressSmallCells(input).cells)).toEqual([]);
      const table = suppressSmallCells(input, { keepSuppressed: new Set([cellKey('c.t1.v1', 'A')]) });
      expect(find(table.cells, 'c.t1.v1', 'A')).toMatchObject({
        count: null,
        sum: null,
        suppression: { code: 'PREVIOUS_RELEASE', reason },
      });
      // Its row total is the same number, and its sibling would give it away by subtraction.
      expect(suppressedKeys(table.cells)).toEqual(['c.t1.v1/A', 'c.t1.v1/合计', 'c.t1.v2/A', 'c.t1.v2/合计']);
      expect(find(table.cells, 'c.t1', 'A')).toMatchObject({ count: 20, suppression: null });
    });

    it('takes precedence over the small-cell reason, which would say the count is small now', () => {
      const table = suppressSmallCells([cell('c.t.v1', 'A', 2), cell('c.t.v2', 'A', 30)], {
        keepSuppressed: new Set([cellKey('c.t.v1', 'A')]),
      });
      expect(find(table.cells, 'c.t.v1', 'A').suppression?.code).toBe('PREVIOUS_RELEASE');
      expect(find(table.cells, 'c.t.v1', null).suppression?.code).toBe('PRIMARY');
    });

    it('keeps a row total or a parent hidden and protects it from its parts', () => {
      const input = [
        cell('c.t1.v1', 'A', 8),
        cell('c.t1.v1', 'B', 9),
        cell('c.t1.v2', 'A', 12),
        cell('c.t2.v3', 'B', 20),
      ];
      const table = suppressSmallCells(input, {
        keepSuppressed: new Set([cellKey('c.t1.v1', null), cellKey('c.t2', 'B')]),
      });
      expect(find(table.cells, 'c.t1.v1', null).suppression?.code).toBe('PREVIOUS_RELEASE');
      expect(find(table.cells, 'c.t2', 'B').suppression?.code).toBe('PREVIOUS_RELEASE');
      // v1's row total would follow from A + B, t2's column B from its only village.
      expect(find(table.cells, 'c.t2.v3', 'B').count).toBeNull();
      expect(
        [find(table.cells, 'c.t1.v1', 'A'), find(table.cells, 'c.t1.v1', 'B')].some((c) => c.count === null),
      ).toBe(true);
    });

    it('publishes a kept cell that counts nobody now as 0, and ignores keys of cells not in the table', () => {
      const table = suppressSmallCells([cell('c.t.v1', 'A', 0), cell('c.t.v2', 'A', 30)], {
        keepSuppressed: new Set([cellKey('c.t.v1', 'A'), cellKey('c.t.v9', 'A'), cellKey('c.t.v2', 'Z')]),
      });
      expect(find(table.cells, 'c.t.v1', 'A')).toMatchObject({ count: 0, sum: '0', suppression: null });
      expect(suppressedKeys(table.cells)).toEqual([]);
      expect(table.cells.some((c) => c.regionPath === 'c.t.v9' || c.column === 'Z')).toBe(false);
    });

    it('matches a sensitive program by its township, the level it is published at', () => {
      const input = [
        cell('c.t1.v1', '特别扶助', 20),
        cell('c.t1.v2', '特别扶助', 5),
        cell('c.t2.v3', '特别扶助', 30),
      ];
      const byVillage = suppressSmallCells(input, {
        sensitive: true,
        keepSuppressed: new Set([cellKey('c.t1.v2', '特别扶助')]),
      });
      expect(suppressedKeys(byVillage.cells)).toEqual([]);
      const byTownship = suppressSmallCells(input, {
        sensitive: true,
        keepSuppressed: new Set([cellKey('c.t1', '特别扶助')]),
      });
      expect(find(byTownship.cells, 'c.t1', '特别扶助').suppression?.code).toBe('PREVIOUS_RELEASE');
      expect(find(byTownship.cells, 'c.t2', '特别扶助').suppression?.code).toBe('SECONDARY');
    });
  });

  it.each<[string, TableCellInput[], object?]>([
    ['a negative count', [cell('c.t.v', 'A', -1, 0n)]],
    ['a fractional count', [cell('c.t.v', 'A', 1.5, 0n)]],
    ['a negative sum', [cell('c.t.v', 'A', 1, -1n)]],
    ['a sum in yuan', [cell('c.t.v', 'A', 1, '1.50')]],
    ['a sum without people', [cell('c.t.v', 'A', 0, 5n)]],
    ['a duplicate cell', [cell('c.t.v', 'A', 1), cell('c.t.v', 'A', 2)]],
    ['data at a parent of another region', [cell('c.t', 'A', 1), cell('c.t.v', 'A', 2)]],
    ['a bad region path', [cell('c..v', 'A', 1)]],
    ['an empty column', [cell('c.t.v', '', 1)]],
    ['k below 2', [cell('c.t.v', 'A', 1)], { k: 1 }],
  ])('refuses %s', (_label, input, options) => {
    expect(() => suppressSmallCells(input, options)).toThrow(RangeError);
  });
});

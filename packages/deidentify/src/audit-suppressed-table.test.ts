import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditSuppressedTable } from './audit-suppressed-table.ts';
import { type SuppressedTable, suppressSmallCells } from './suppress-small-cells.ts';

const input = [
  { regionPath: 'c.t1.v1', column: 'A', count: 3, sum: 300n },
  { regionPath: 'c.t1.v2', column: 'A', count: 10, sum: 1000n },
  { regionPath: 'c.t2.v3', column: 'A', count: 20, sum: 2000n },
];

describe('auditSuppressedTable', () => {
  it('finds nothing wrong with the output of suppressSmallCells', () => {
    expect(auditSuppressedTable(suppressSmallCells(input))).toEqual([]);
  });

  it('reports a published small cell and a hidden cell recoverable by subtraction', () => {
    const table = suppressSmallCells(input);
    const unsafe: SuppressedTable = {
      ...table,
      cells: table.cells.map((c) =>
        c.regionPath === 'c.t1.v2' ? { ...c, count: 10, sum: '1000', suppression: null } : c,
      ),
    };
    expect(auditSuppressedTable(unsafe)).toEqual(
      expect.arrayContaining([
        { code: 'SUPPRESSED_CELL_RECOVERABLE', regionPath: 'c.t1.v1', column: 'A' },
        { code: 'SUPPRESSED_CELL_RECOVERABLE', regionPath: 'c.t1.v1', column: null },
      ]),
    );
    const leaky: SuppressedTable = {
      ...table,
      cells: table.cells.map((c) =>
        c.regionPath === 'c.t1.v1' && c.column === 'A' ? { ...c, count: null, sum: '300' } : c,
      ),
    };
    expect(auditSuppressedTable(leaky)).toContainEqual({
      code: 'SUM_WITHOUT_COUNT',
      regionPath: 'c.t1.v1',
      column: 'A',
    });
    const small: SuppressedTable = {
      ...table,
      cells: table.cells.map((c) => (c.regionPath === 'c.t1.v1' ? { ...c, count: 3, sum: '300' } : c)),
    };
    expect(auditSuppressedTable(small)).toContainEqual({
      code: 'SMALL_CELL_PUBLISHED',
      regionPath: 'c.t1.v1',
      column: 'A',
    });
  });

  it('reports hidden cells a total leaves only 1 each for, a hidden cell being never 0', () => {
    // Township 7 with villages 1, 1 hidden and 5 published: what an engine without ranges published.
    const table = suppressSmallCells([
      { regionPath: 'c.t1.v1', column: 'A', count: 1, sum: 100n },
      { regionPath: 'c.t1.v2', column: 'A', count: 1, sum: 100n },
      { regionPath: 'c.t1.v3', column: 'A', count: 5, sum: 500n },
      { regionPath: 'c.t2.v4', column: 'A', count: 20, sum: 2000n },
    ]);
    expect(auditSuppressedTable(table)).toEqual([]);
    const onlyTheSmallOnes: SuppressedTable = {
      ...table,
      cells: table.cells.map((c) =>
        c.regionPath === 'c.t1.v3' ? { ...c, count: 5, sum: '500', suppression: null } : c,
      ),
    };
    expect(auditSuppressedTable(onlyTheSmallOnes)).toEqual(
      expect.arrayContaining([
        { code: 'SUPPRESSED_CELL_RECOVERABLE', regionPath: 'c.t1.v1', column: 'A' },
        { code: 'SUPPRESSED_CELL_RECOVERABLE', regionPath: 'c.t1.v2', column: 'A' },
      ]),
    );
  });

  it('passes every table suppressSmallCells produces', () => {
    const cell = fc.record({
      regionPath: fc.constantFrom('c.t1.v1', 'c.t1.v2', 'c.t1.v3', 'c.t2.v1', 'c.t2.v2', 'c.t3.v1'),
      column: fc.constantFrom('A', 'B', 'C'),
      count: fc.integer({ min: 0, max: 15 }),
    });
    const table = fc
      .uniqueArray(cell, { minLength: 1, maxLength: 18, selector: (c) => `${c.regionPath}/${c.column}` })
      .map((cells) => cells.map((c) => ({ ...c, sum: BigInt(c.count) * 7n })));
    fc.assert(
      fc.property(table, fc.boolean(), (cells, sensitive) => {
        expect(auditSuppressedTable(suppressSmallCells(cells, { sensitive }))).toEqual([]);
      }),
    );
  });
});

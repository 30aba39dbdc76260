import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditSuppressedTable } from './audit-suppressed-table.ts';
import { findDeterminedCells } from './find-determined-cells.ts';
import { findPinnedCells } from './find-pinned-cells.ts';
import {
  cellKey,
  type PublishedCell,
  type SuppressedTable,
  type SuppressionOptions,
  suppressSmallCells,
  type TableCellInput,
} from './suppress-small-cells.ts';
import { type CountRange, HIDDEN_CELL_RANGE } from './suppression-reason.ts';

/**
 * Generated hierarchical tables: one county, townships with random numbers of villages, random
 * columns, counts with many small ones and many zeros. The constraints checked here are derived
 * from the published table itself (parent = Σ children per column, row total = Σ columns), not
 * taken from the implementation.
 */
interface Shape {
  villagesPerTownship: number[];
  columns: number;
}

const smallCount = fc.oneof(
  { arbitrary: fc.constant(0), weight: 2 },
  { arbitrary: fc.integer({ min: 1, max: 9 }), weight: 4 },
  { arbitrary: fc.integer({ min: 10, max: 60 }), weight: 2 },
);

function tableOf(shape: Shape, count: fc.Arbitrary<number>): fc.Arbitrary<TableCellInput[]> {
  const slots: { regionPath: string; column: string }[] = [];
  shape.villagesPerTownship.forEach((villages, t) => {
    for (let v = 0; v < villages; v++) {
      for (let c = 0; c < shape.columns; c++) slots.push({ regionPath: `c.t${t}.v${v}`, column: `P${c}` });
    }
  });
  return fc
    .tuple(...slots.map(() => fc.tuple(count, fc.integer({ min: 1, max: 500_000 }), fc.boolean())))
    .map((values) =>
      slots.flatMap((slot, i) => {
        const [n, amount, present] = values[i] as [number, number, boolean];
        // Some zero cells are simply absent from the input, as in real queries.
        if (n === 0 && !present) return [];
        return [{ ...slot, count: n, sum: BigInt(n) * BigInt(amount) }];
      }),
    )
    .filter((cells) => cells.length > 0);
}

const anyShape = fc.record({
  villagesPerTownship: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
  columns: fc.integer({ min: 1, max: 3 }),
});
const anyTable = anyShape.chain((shape) => tableOf(shape, smallCount));
// Wider tables: recoverability through combinations of several totals needs room to appear.
const wideTable = fc
  .record({
    villagesPerTownship: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 6 }),
    columns: fc.integer({ min: 2, max: 5 }),
  })
  .chain((shape) => tableOf(shape, smallCount));
const options = fc.record({ k: fc.integer({ min: 2, max: 10 }), sensitive: fc.boolean() });

/**
 * A table with cells hidden in a "previous release": any of its published cells (leaves, parents,
 * row totals), whatever their count now.
 */
const withPreviousRelease = (tables: fc.Arbitrary<TableCellInput[]>) =>
  fc
    .tuple(tables, options)
    .chain(([input, opts]) => {
      const published = suppressSmallCells(input, opts).cells.map((c) => cellKey(c.regionPath, c.column));
      // fast-check refuses a maximum above the array's length (a generated table may have fewer cells).
      return fc.tuple(
        fc.constant(input),
        fc.constant(opts),
        fc.subarray(published, { maxLength: Math.min(8, published.length) }),
      );
    })
    .map(([input, opts, kept]): [TableCellInput[], SuppressionOptions] => [
      input,
      { ...opts, keepSuppressed: new Set(kept) },
    ]);

/** Hidden cells a reader can pin down: exactly, or by ranges knowing a hidden cell is never 0. */
function recoverable(table: SuppressedTable): number[] {
  const ids = new Map(table.cells.map((c, i) => [c, i]));
  const constraints = publishedConstraints(table.cells).map((c) => ({
    cells: c.map((cell) => ids.get(cell) as number),
  }));
  const known = new Map<number, number>();
  const hidden = new Map<number, CountRange>();
  table.cells.forEach((c, i) => {
    if (c.count === null) hidden.set(i, HIDDEN_CELL_RANGE);
    else known.set(i, c.count);
  });
  return [
    ...findDeterminedCells(constraints, new Set(hidden.keys())),
    ...findPinnedCells(constraints, known, hidden),
  ];
}

/** The published linear constraints, each as [total, ...parts]. */
function publishedConstraints(cells: readonly PublishedCell[]): PublishedCell[][] {
  const at = (path: string, column: string | null) =>
    cells.find((c) => c.regionPath === path && c.column === column) as PublishedCell;
  const paths = [...new Set(cells.map((c) => c.regionPath))];
  const columns = [...new Set(cells.map((c) => c.column).filter((c): c is string => c !== null))];
  const constraints: PublishedCell[][] = [];
  for (const path of paths) {
    constraints.push([at(path, null), ...columns.map((c) => at(path, c))]);
    const kids = paths.filter(
      (p) => p.startsWith(`${path}.`) && p.split('.').length === path.split('.').length + 1,
    );
    if (kids.length > 0) {
      for (const column of [...columns, null])
        constraints.push([at(path, column), ...kids.map((k) => at(k, column))]);
    }
  }
  return constraints;
}

describe('suppressSmallCells on generated tables', () => {
  it('publishes no count between 1 and k − 1', () => {
    fc.assert(
      fc.property(anyTable, options, (input, opts) => {
        const table = suppressSmallCells(input, opts);
        for (const c of table.cells) {
          if (c.count !== null) expect(c.count === 0 || c.count >= table.k).toBe(true);
        }
        expect(table.k).toBe(opts.sensitive ? Math.max(opts.k, 10) : opts.k);
      }),
    );
  });

  it('never leaves a suppressed cell alone in a published total (row, column or parent)', () => {
    fc.assert(
      fc.property(anyTable, options, (input, opts) => {
        const table = suppressSmallCells(input, opts);
        for (const constraint of publishedConstraints(table.cells)) {
          const hidden = constraint.filter((c) => c.suppression !== null).length;
          expect(hidden === 0 || hidden >= 2).toBe(true);
        }
      }),
    );
  });

  it('leaves no suppressed cell computable by combining published totals, nor narrowed to one value', () => {
    fc.assert(
      fc.property(wideTable, options, (input, opts) => {
        expect(recoverable(suppressSmallCells(input, opts))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps the previous release’s hidden cells hidden while they count anyone, and still leaves none recoverable', () => {
    fc.assert(
      fc.property(withPreviousRelease(wideTable), ([input, opts]) => {
        const table = suppressSmallCells(input, opts);
        const plain = suppressSmallCells(input, { k: opts.k, sensitive: opts.sensitive });
        table.cells.forEach((c, i) => {
          const truth = plain.cells[i] as PublishedCell;
          expect([c.regionPath, c.column]).toEqual([truth.regionPath, truth.column]);
          if (c.count !== null) expect(c.count === 0 || c.count >= table.k).toBe(true);
          if (opts.keepSuppressed?.has(cellKey(c.regionPath, c.column))) {
            // A kept cell is hidden unless it counts nobody now (the unsuppressed table knows).
            if (truth.count === 0) expect(c.count).toBe(0);
            else expect(c.suppression?.code).toBe('PREVIOUS_RELEASE');
          }
        });
        for (const constraint of publishedConstraints(table.cells)) {
          const hidden = constraint.filter((c) => c.suppression !== null).length;
          expect(hidden === 0 || hidden >= 2).toBe(true);
        }
        expect(recoverable(table)).toEqual([]);
        expect(auditSuppressedTable(table)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('publishes the true aggregates, and sums exactly when counts', () => {
    fc.assert(
      fc.property(anyTable, options, (input, opts) => {
        const table = suppressSmallCells(input, opts);
        for (const c of table.cells) {
          expect(c.sum === null).toBe(c.count === null);
          expect(c.suppression === null).toBe(c.count !== null);
          if (c.count === null) continue;
          const covered = input.filter(
            (i) =>
              (i.regionPath === c.regionPath || i.regionPath.startsWith(`${c.regionPath}.`)) &&
              (c.column === null || i.column === c.column),
          );
          expect(c.count).toBe(covered.reduce((n, i) => n + i.count, 0));
          expect(c.sum).toBe(covered.reduce((s, i) => s + BigInt(i.sum), 0n).toString());
        }
      }),
    );
  });

  it('gives the same output whatever the input order', () => {
    fc.assert(
      fc.property(
        anyTable.chain((input) =>
          fc.tuple(fc.constant(input), fc.shuffledSubarray(input, { minLength: input.length })),
        ),
        options,
        ([input, shuffled], opts) => {
          expect(suppressSmallCells(shuffled, opts)).toEqual(suppressSmallCells(input, opts));
        },
      ),
    );
  });

  // Tiny tables (at most 4 leaf cells, counts 0–9) so that every assignment of the suppressed leaf
  // cells in 1–18 can be tried (a hidden cell is never 0, and a reader knows it): each one
  // consistent with all published cells is a table a reader cannot rule out.
  const tinyShape = fc.constantFrom<Shape>(
    { villagesPerTownship: [2], columns: 2 },
    { villagesPerTownship: [1, 1], columns: 2 },
    { villagesPerTownship: [2, 2], columns: 1 },
    { villagesPerTownship: [1, 2], columns: 1 },
    { villagesPerTownship: [4], columns: 1 },
    { villagesPerTownship: [1], columns: 3 },
  );
  const tinyTable = tinyShape.chain((shape) =>
    tableOf(shape, fc.integer({ min: 0, max: 9 })).map((t) => [shape, t] as const),
  );

  function bruteForce(shape: Shape, input: TableCellInput[], opts: SuppressionOptions): void {
    const table = suppressSmallCells(input, opts);
    const leafSlots: { regionPath: string; column: string }[] = [];
    shape.villagesPerTownship.forEach((villages, t) => {
      for (let v = 0; v < villages; v++) {
        for (let c = 0; c < shape.columns; c++)
          leafSlots.push({ regionPath: `c.t${t}.v${v}`, column: `P${c}` });
      }
    });
    const truth = leafSlots.map(
      (s) => input.find((i) => i.regionPath === s.regionPath && i.column === s.column)?.count ?? 0,
    );
    const present = table.cells;
    const leafIndex = (regionPath: string, column: string) =>
      present.findIndex((c) => c.regionPath === regionPath && c.column === column);
    const unknownLeaves = leafSlots.flatMap((s, i) =>
      present[leafIndex(s.regionPath, s.column)]?.suppression ? [i] : [],
    );
    // Which leaves each published cell adds up.
    const coverage = present.map((c) =>
      leafSlots.flatMap((s, i) =>
        (s.regionPath === c.regionPath || s.regionPath.startsWith(`${c.regionPath}.`)) &&
        (c.column === null || s.column === c.column)
          ? [i]
          : [],
      ),
    );
    const seen = present.map(() => new Set<number>());
    const values = [...truth];
    const visit = (depth: number): void => {
      if (depth === unknownLeaves.length) {
        const totals = coverage.map((leaves) => leaves.reduce((n, i) => n + (values[i] as number), 0));
        if (present.some((c, i) => (c.count === null ? totals[i] === 0 : c.count !== totals[i]))) return;
        totals.forEach((t, i) => {
          seen[i]?.add(t);
        });
        return;
      }
      for (let v = 1; v <= 18; v++) {
        values[unknownLeaves[depth] as number] = v;
        visit(depth + 1);
      }
    };
    visit(0);
    present.forEach((c, i) => {
      // The true table is always among the candidates.
      expect(seen[i]?.size ?? 0).toBeGreaterThanOrEqual(1);
      if (c.suppression) expect(seen[i]?.size ?? 0).toBeGreaterThanOrEqual(2);
    });
  }

  it('leaves every suppressed count with at least two values consistent with the published table (brute force)', () => {
    fc.assert(
      fc.property(tinyTable, ([shape, input]) => bruteForce(shape, input, {})),
      { numRuns: 60 },
    );
  });

  it('does so with cells kept hidden from the previous release too (brute force)', () => {
    const tinyWithKept = tinyTable.chain(([shape, input]) => {
      const published = suppressSmallCells(input).cells.map((c) => cellKey(c.regionPath, c.column));
      return fc
        .subarray(published, { maxLength: Math.min(4, published.length) })
        .map((kept) => [shape, input, new Set(kept)] as const);
    });
    fc.assert(
      fc.property(tinyWithKept, ([shape, input, kept]) => bruteForce(shape, input, { keepSuppressed: kept })),
      { numRuns: 60 },
    );
  });
});

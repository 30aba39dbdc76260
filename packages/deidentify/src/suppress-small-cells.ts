import { findDeterminedCells, type LinearConstraint } from './find-determined-cells.ts';
import { findPinnedCells } from './find-pinned-cells.ts';
import { assertRegionPath, regionForProgram } from './generalise.ts';
import {
  type CountRange,
  type GeneralisationNote,
  HIDDEN_CELL_RANGE,
  PREVIOUS_RELEASE_SUPPRESSION,
  primarySuppression,
  SENSITIVE_LEVEL,
  type SuppressionNote,
  secondarySuppression,
} from './suppression-reason.ts';

/** An amount in fen: a bigint or a string of digits. */
export type Fen = bigint | string;

/** One cell of the finest level: a region (normally a village) and a column (program, period, …). */
export interface TableCellInput {
  readonly regionPath: string;
  readonly column: string;
  readonly count: number;
  readonly sum: Fen;
}

export interface SuppressionOptions {
  /** Smallest publishable count; default 5. */
  readonly k?: number;
  /** Sensitive programs: cells are aggregated to township level first and k is at least 10. */
  readonly sensitive?: boolean;
  /**
   * Cells hidden in the previous release of the same table, as `cellKey(regionPath, column)` (the
   * published region: township for sensitive programs; column null for the row total). Each stays
   * hidden while it counts anyone, whatever its count now, so that the two releases side by side
   * give nothing away; its complements are chosen again. A cell that counts nobody now is
   * published as 0: a zero reveals nobody, and hidden zeros would let the ranges of their
   * neighbours be narrowed (see find-pinned-cells.ts). Keys of cells not in the table are ignored.
   */
  readonly keepSuppressed?: ReadonlySet<string>;
}

export const DEFAULT_K = 5;
export const SENSITIVE_K = 10;

/** A published cell. `column: null` is the row total over all columns. */
export interface PublishedCell {
  readonly regionPath: string;
  readonly column: string | null;
  /** null when suppressed; the sum is suppressed exactly when the count is. */
  readonly count: number | null;
  /** Fen as a digit string; null when suppressed. */
  readonly sum: string | null;
  readonly suppression: SuppressionNote | null;
}

export interface SuppressedTable {
  readonly k: number;
  readonly columns: readonly string[];
  /** Every region (leaves and all their ancestors) × every column and the row total, in tree order. */
  readonly cells: readonly PublishedCell[];
  readonly generalisation: GeneralisationNote | null;
}

interface WorkCell {
  readonly regionPath: string;
  readonly labels: readonly string[];
  readonly column: string | null;
  count: number;
  sum: bigint;
}

function toFen(value: Fen): bigint {
  if (typeof value === 'bigint') {
    if (value < 0n) throw new RangeError('sum 不能为负数 / sum must not be negative');
    return value;
  }
  if (!/^\d+$/.test(value)) throw new RangeError('sum 必须是以分为单位的整数 / sum must be whole fen');
  return BigInt(value);
}

function compareLabels(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

const keyOf = (regionPath: string, column: string | null): string => `${regionPath}\u0000${column ?? ''}`;

/** The key of a published cell, for `keepSuppressed`: its region path and column (null: row total). */
export function cellKey(regionPath: string, column: string | null): string {
  return keyOf(regionPath, column);
}

/** Validates the input and folds it to the publishable level (township for sensitive programs). */
function leafCells(input: readonly TableCellInput[], sensitive: boolean): Map<string, WorkCell> {
  const seen = new Set<string>();
  const leaves = new Map<string, WorkCell>();
  for (const cell of input) {
    assertRegionPath(cell.regionPath);
    if (cell.column.length === 0) throw new RangeError('column 不能为空 / column must not be empty');
    if (!Number.isSafeInteger(cell.count) || cell.count < 0) {
      throw new RangeError('count 必须是非负整数 / count must be a non-negative integer');
    }
    const sum = toFen(cell.sum);
    if (cell.count === 0 && sum !== 0n)
      throw new RangeError('人数为0时金额必须为0 / sum must be 0 when count is 0');
    const key = keyOf(cell.regionPath, cell.column);
    if (seen.has(key)) throw new RangeError('同一地区和列出现两次 / duplicate region and column');
    seen.add(key);
    const regionPath = sensitive ? regionForProgram(cell.regionPath, true) : cell.regionPath;
    const leafKey = keyOf(regionPath, cell.column);
    const leaf = leaves.get(leafKey);
    if (leaf) {
      leaf.count += cell.count;
      leaf.sum += sum;
    } else {
      leaves.set(leafKey, {
        regionPath,
        labels: regionPath.split('.'),
        column: cell.column,
        count: cell.count,
        sum,
      });
    }
  }
  return leaves;
}

/** The first hidden cell the totals narrow to one value, a hidden cell being never 0 (find-pinned-cells.ts). */
function pinnedCell(
  cells: readonly WorkCell[],
  suppressed: ReadonlyMap<number, SuppressionNote>,
  constraints: readonly LinearConstraint[],
): number | undefined {
  const known = new Map<number, number>();
  const hidden = new Map<number, CountRange>();
  cells.forEach((cell, id) => {
    if (suppressed.has(id)) hidden.set(id, HIDDEN_CELL_RANGE);
    else known.set(id, cell.count);
  });
  return findPinnedCells(constraints, known, hidden)[0];
}

/**
 * Small-cell suppression with secondary suppression over a hierarchical table.
 *
 * The published table has every region of the tree (the input's regions and all their ancestors:
 * village → township → county) × every column, plus a row total per region. Missing leaf cells are
 * 0. Each aggregate is a linear constraint (parent = Σ children per column, row total = Σ columns).
 *
 * 1. Primary: every cell (leaf or total) with 1 ≤ count < k is suppressed. Zero is published: it
 *    reveals nobody. A positive cell named in `keepSuppressed` (hidden in the previous release)
 *    is suppressed too, with its own reason, which takes precedence over the small-cell one.
 * 2. Secondary, repeated until nothing changes:
 *    a. a constraint with exactly one suppressed cell (total included) would give it away by
 *       subtraction, so one more of its cells is suppressed;
 *    b. a suppressed cell still computable by combining several constraints (exact linear algebra,
 *       see find-determined-cells.ts), or narrowed to one value by the totals together with the
 *       fact that a hidden cell is never 0 (find-pinned-cells.ts), gets one more cell suppressed
 *       next to it.
 *    The complement is the unsuppressed cell with the smallest positive count (ties: finer region,
 *    then tree order, then column order). Zero cells are never used as complements, so every
 *    suppressed cell is positive: a reader who knows the method knows that as well, which is why
 *    step b narrows ranges and not only solves equations. Small cells and complements carry the
 *    same reason, so the reason bounds nothing from above (suppression-reason.ts).
 * 3. A suppressed count suppresses its sum; sums obey the same constraints, so they are protected
 *    by the same pattern.
 */
export function suppressSmallCells(
  input: readonly TableCellInput[],
  options: SuppressionOptions = {},
): SuppressedTable {
  const sensitive = options.sensitive ?? false;
  const requestedK = options.k ?? DEFAULT_K;
  if (!Number.isSafeInteger(requestedK) || requestedK < 2) {
    throw new RangeError('k 必须是不小于2的整数 / k must be an integer of at least 2');
  }
  const k = sensitive ? Math.max(requestedK, SENSITIVE_K) : requestedK;

  const leaves = leafCells(input, sensitive);
  const columns = [...new Set([...leaves.values()].map((c) => c.column as string))].sort();
  const leafPaths = new Map<string, string[]>();
  for (const leaf of leaves.values()) leafPaths.set(leaf.regionPath, leaf.labels as string[]);

  // The region tree: every leaf path and every ancestor of one.
  const regions = new Map<string, string[]>();
  for (const labels of leafPaths.values()) {
    for (let depth = 1; depth <= labels.length; depth++) {
      const path = labels.slice(0, depth);
      regions.set(path.join('.'), path);
    }
  }
  for (const path of leafPaths.keys()) {
    for (const other of leafPaths.keys()) {
      if (other !== path && other.startsWith(`${path}.`)) {
        throw new RangeError('数据只能位于最末一级地区 / data must sit at leaf regions only');
      }
    }
  }
  const ordered = [...regions.values()].sort(compareLabels);

  const cells: WorkCell[] = [];
  const index = new Map<string, number>();
  for (const labels of ordered) {
    const regionPath = labels.join('.');
    for (const column of [...columns, null]) {
      index.set(keyOf(regionPath, column), cells.length);
      cells.push({ regionPath, labels, column, count: 0, sum: 0n });
    }
  }
  const cellId = (regionPath: string, column: string | null): number =>
    index.get(keyOf(regionPath, column)) as number;

  // Fill leaves and roll them up to every ancestor and the row totals.
  for (const leaf of leaves.values()) {
    for (let depth = 1; depth <= leaf.labels.length; depth++) {
      const regionPath = leaf.labels.slice(0, depth).join('.');
      for (const column of [leaf.column, null]) {
        const cell = cells[cellId(regionPath, column)] as WorkCell;
        cell.count += leaf.count;
        cell.sum += leaf.sum;
      }
    }
  }

  const constraints: LinearConstraint[] = [];
  const children = new Map<string, string[]>();
  for (const labels of ordered) {
    if (labels.length > 1) {
      const parent = labels.slice(0, -1).join('.');
      children.set(parent, [...(children.get(parent) ?? []), labels.join('.')]);
    }
  }
  for (const labels of ordered) {
    const regionPath = labels.join('.');
    constraints.push({ cells: [cellId(regionPath, null), ...columns.map((c) => cellId(regionPath, c))] });
    const kids = children.get(regionPath);
    if (kids) {
      for (const column of [...columns, null]) {
        constraints.push({ cells: [cellId(regionPath, column), ...kids.map((kid) => cellId(kid, column))] });
      }
    }
  }
  const constraintsOf = new Map<number, LinearConstraint[]>();
  for (const constraint of constraints) {
    for (const id of constraint.cells) constraintsOf.set(id, [...(constraintsOf.get(id) ?? []), constraint]);
  }

  const suppressed = new Map<number, SuppressionNote>();
  const primary = primarySuppression(k);
  const secondary = secondarySuppression(k);
  const keep = options.keepSuppressed ?? new Set<string>();
  cells.forEach((cell, id) => {
    if (cell.count === 0) return;
    if (keep.has(keyOf(cell.regionPath, cell.column))) suppressed.set(id, PREVIOUS_RELEASE_SUPPRESSION);
    else if (cell.count < k) suppressed.set(id, primary);
  });

  // Smallest positive count first; then the finer region; then tree and column order (= id order).
  const better = (a: number, b: number): boolean => {
    const ca = cells[a] as WorkCell;
    const cb = cells[b] as WorkCell;
    if (ca.count !== cb.count) return ca.count < cb.count;
    if (ca.labels.length !== cb.labels.length) return ca.labels.length > cb.labels.length;
    return a < b;
  };
  const pickComplement = (candidates: Iterable<number>): number | undefined => {
    let best: number | undefined;
    for (const id of candidates) {
      if (suppressed.has(id) || (cells[id] as WorkCell).count === 0) continue;
      if (best === undefined || better(id, best)) best = id;
    }
    return best;
  };

  for (;;) {
    let changed = true;
    while (changed) {
      changed = false;
      for (const constraint of constraints) {
        if (constraint.cells.filter((id) => suppressed.has(id)).length !== 1) continue;
        const complement = pickComplement(constraint.cells);
        if (complement === undefined) {
          throw new Error('无法找到补充隐藏的单元格 / no complementary cell available');
        }
        suppressed.set(complement, secondary);
        changed = true;
      }
    }
    const target =
      findDeterminedCells(constraints, new Set(suppressed.keys()))[0] ??
      pinnedCell(cells, suppressed, constraints);
    if (target === undefined) break;
    const near = (constraintsOf.get(target) ?? []).flatMap((c) => c.cells);
    const complement = pickComplement(near) ?? pickComplement(cells.keys());
    if (complement === undefined) {
      throw new Error('无法找到补充隐藏的单元格 / no complementary cell available');
    }
    suppressed.set(complement, secondary);
  }

  return {
    k,
    columns,
    generalisation: sensitive ? SENSITIVE_LEVEL : null,
    cells: cells.map((cell, id) => {
      const note = suppressed.get(id) ?? null;
      return {
        regionPath: cell.regionPath,
        column: cell.column,
        count: note ? null : cell.count,
        sum: note ? null : cell.sum.toString(),
        suppression: note,
      };
    }),
  };
}

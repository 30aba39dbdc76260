import type { BenefitTotalRow } from '../content/public-rows.ts';
import type { Bar } from './bar-chart.ts';
import { fenToYuanNumber, fenToYuanText, formatCount } from './format.ts';

/**
 * Footnotes for withheld cells: each distinct reason gets a number the first time a table uses it,
 * so the reason is written out once under the table and every "—" points at it.
 */
export class Footnotes {
  readonly #numbers = new Map<string, number>();
  constructor(readonly id: string) {}

  /** The footnote number for a reason, assigned in the order cells are prepared. */
  ref(reason: string): number {
    let n = this.#numbers.get(reason);
    if (n === undefined) {
      n = this.#numbers.size + 1;
      this.#numbers.set(reason, n);
    }
    return n;
  }

  anchor(n: number): string {
    return `${this.id}${n}`;
  }

  get notes(): { n: number; reason: string; anchor: string }[] {
    return [...this.#numbers].map(([reason, n]) => ({ n, reason, anchor: this.anchor(n) }));
  }
}

export type CellView =
  | { kind: 'value'; count: string | null; amount: string | null }
  | { kind: 'withheld'; note: number; anchor: string }
  | { kind: 'absent' };

/** How a published cell reads: its figures, or a dash pointing at the plain-Chinese reason. */
export function cellView(
  cell:
    | Pick<BenefitTotalRow, 'recipientCount' | 'amountFen' | 'suppressed' | 'suppressionReason'>
    | undefined,
  footnotes: Footnotes,
  fallbackReason: string,
): CellView {
  if (!cell) return { kind: 'absent' };
  if (cell.suppressed || (cell.recipientCount === null && cell.amountFen === null)) {
    const note = footnotes.ref(cell.suppressionReason?.trim() || fallbackReason);
    return { kind: 'withheld', note, anchor: footnotes.anchor(note) };
  }
  return {
    kind: 'value',
    count: cell.recipientCount === null ? null : formatCount(cell.recipientCount),
    amount: cell.amountFen === null ? null : fenToYuanText(cell.amountFen),
  };
}

export interface ProgramRef {
  code: string;
  name: string;
  sensitive: boolean;
}

/** The programs and years present in some totals rows, in a stable order. */
export function programsAndYears(rows: readonly BenefitTotalRow[]): {
  programs: ProgramRef[];
  years: number[];
} {
  const programs = new Map<string, ProgramRef>();
  const years = new Set<number>();
  for (const row of rows) {
    if (!programs.has(row.program.code)) programs.set(row.program.code, row.program);
    years.add(row.year);
  }
  return { programs: [...programs.values()], years: [...years].sort((a, b) => a - b) };
}

export function findCell(
  rows: readonly BenefitTotalRow[] | undefined,
  programCode: string,
  year: number,
): BenefitTotalRow | undefined {
  return rows?.find((r) => r.program.code === programCode && r.year === year);
}

/**
 * The sum of the published cells of each group, and whether a withheld cell was left out. Only
 * published figures are added, so the sum reveals nothing the table does not already show.
 */
export function sumPublished(
  rows: readonly BenefitTotalRow[],
  value: (row: BenefitTotalRow) => number | bigint | null,
): { total: bigint; partial: boolean; any: boolean } {
  let total = 0n;
  let partial = false;
  let any = false;
  for (const row of rows) {
    const v = row.suppressed ? null : value(row);
    if (v === null) partial = true;
    else {
      total += BigInt(v);
      any = true;
    }
  }
  return { total, partial, any };
}

/** A bar for a sum of published cells: "—" when nothing was published, a star when some was left out. */
export function sumBar(
  label: string,
  sum: { total: bigint; partial: boolean; any: boolean },
  format: (total: bigint) => string,
  toNumber: (total: bigint) => number,
  notPublished: string,
): Bar {
  if (!sum.any) return { label, value: null, display: sum.partial ? notPublished : '0' };
  return { label, value: toNumber(sum.total), display: `${format(sum.total)}${sum.partial ? ' *' : ''}` };
}

export const yuanOfFen = (fen: bigint): number => fenToYuanNumber(fen);

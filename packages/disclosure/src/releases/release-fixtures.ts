import type { Column, Dataset } from '../dataset.ts';
import type { ReleaseRef } from './release-diff.ts';

/** Test fixtures: datasets shaped like the published ones, with only what a diff reads. */
export const POLICY = { k: 5, sensitiveK: 10 };

export const TOTALS_COLUMNS: Column[] = [
  { name: 'region.code', description: '区划代码', kind: 'TEXT' },
  { name: 'region.name', description: '区划名称', kind: 'TEXT' },
  { name: 'program.code', description: '项目代码', kind: 'TEXT' },
  { name: 'program.sensitive', description: '是否涉及特殊家庭', kind: 'TEXT' },
  { name: 'year', description: '年度', kind: 'TEXT' },
  { name: 'recipientCount', description: '享受人数', kind: 'PERSON_COUNT' },
  { name: 'amountFen', description: '金额（分）', kind: 'AMOUNT_FEN' },
  { name: 'suppressed', description: '是否隐藏', kind: 'TEXT' },
  { name: 'suppressionReason', description: '隐藏原因', kind: 'SUPPRESSION_NOTE' },
];

export interface TotalsCell {
  region: string;
  program?: string;
  sensitive?: boolean;
  year?: number;
  count: number | null;
  amountFen?: string | null;
}

export function totalsRow(cell: TotalsCell): Record<string, unknown> {
  const suppressed = cell.count === null;
  return {
    region: { code: cell.region, name: `区划${cell.region}` },
    program: { code: cell.program ?? 'REWARD', sensitive: cell.sensitive ?? false },
    year: cell.year ?? 2025,
    recipientCount: cell.count,
    amountFen: suppressed ? null : (cell.amountFen ?? String((cell.count ?? 0) * 72000)),
    suppressed,
    suppressionReason: suppressed ? '人数少于5人，为保护个人隐私不予公开' : null,
  };
}

export function dataset(
  rows: Record<string, unknown>[],
  columns: Column[] = TOTALS_COLUMNS,
  runId = 'r2',
): Dataset {
  return {
    provenance: {
      disclosureId: 'd1',
      slug: 'benefit-totals',
      name: '扶助金发放汇总',
      pageKind: 'TOTALS_TABLE',
      documentSha256: 'a'.repeat(64),
      approvedBy: {
        role: 'COUNTY_ADMIN',
        roleLabel: '县级管理员',
        regionCode: '330199000000',
        regionName: '青山县',
      },
      approvedAt: '2026-11-01T08:00:00.000Z',
      runId,
      runAt: '2026-11-02T08:00:00.000Z',
      rowCount: rows.length,
    },
    columns,
    rows,
  };
}

export function totals(cells: TotalsCell[], runId = 'r2'): Dataset {
  return dataset(cells.map(totalsRow), TOTALS_COLUMNS, runId);
}

export const PREVIOUS_REF: ReleaseRef = {
  runId: 'r1',
  runAt: '2026-10-02T08:00:00.000Z',
  datasetSha256: 'b'.repeat(64),
};

/** The key string `matchReleases` gives a benefit-totals row. */
export function totalsKey(region: string, program = 'REWARD', year = 2025): string {
  return JSON.stringify({ 'program.code': program, 'region.code': region, year });
}

import type { MikroORM } from '@mikro-orm/postgresql';
import { withScope } from '../../db/scoped-transaction.ts';
import { badInput } from '../../errors/domain-error.ts';
import { todayInChina } from '../../validation/field-checks.ts';
import type { Actor } from '../identity/actor.ts';
import { findRegionRowInScope, type RegionRow } from '../regions/region.service.ts';
import {
  checkParams,
  checkStatement,
  DATA_QUALITY_CHECKS,
  DATA_QUALITY_PROBLEMS,
  type DataQualityCheck,
  type DataQualityEntity,
  type DataQualityProblem,
  lastCompleteQuarter,
  type Quarter,
  quarterOf,
  SAMPLES_PER_CHECK,
} from './data-quality-checks.ts';

export interface DataQualityItemView {
  entity: DataQualityEntity;
  id: string;
  label: string;
  problem: DataQualityProblem;
  descriptionZh: string;
  descriptionEn: string;
}

export interface DataQualityCheckView {
  check: DataQualityCheck;
  /** False when the caller's role may not run this check (near-duplicates are county business). */
  visible: boolean;
  count: number;
  samples: DataQualityItemView[];
}

export interface DataQualityRegionView {
  region: RegionRow;
  total: number;
  counts: { check: DataQualityCheck; count: number }[];
}

export interface DataQualityReportView {
  region: RegionRow;
  quarter: Quarter;
  checks: DataQualityCheckView[];
  byRegion: DataQualityRegionView[];
}

interface BucketRow {
  bucket: string;
  n: number;
  samples: { entity: DataQualityEntity; id: string; label: string; problem: DataQualityProblem }[];
}

const QUARTER = /^([0-9]{4})Q([1-4])$/;

/**
 * The data-quality report (数据质量): what in a region's registry needs work, check by check, with
 * the counts per child region so that a township sees which village to call first.
 */
export class DataQualityService {
  constructor(private readonly orm: MikroORM) {}

  async report(
    actor: Actor,
    regionCode: string | null,
    quarterLabel: string | null,
  ): Promise<DataQualityReportView> {
    const quarter = quarterLabel === null ? lastCompleteQuarter(todayInChina()) : parseQuarter(quarterLabel);
    return withScope(this.orm, actor.user, async (em) => {
      const region = await findRegionRowInScope(em, actor, regionCode ?? actor.user.regionCode, 'regionCode');
      const regions = (await em.execute(
        `select id, code, name, level, path::text as path from region where id = ? or parent_id = ? order by code`,
        [region.id, region.id],
      )) as RegionRow[];
      const countyWide = actor.user.regionPath.split('.').length === 1;
      const checks: DataQualityCheckView[] = [];
      const perBucket = new Map<string, Map<DataQualityCheck, number>>();
      for (const check of DATA_QUALITY_CHECKS) {
        if (check === 'NEAR_DUPLICATE' && !countyWide) {
          checks.push({ check, visible: false, count: 0, samples: [] });
          continue;
        }
        const rows = (await em.execute(checkStatement(check), [
          region.path,
          ...checkParams(check, quarter),
        ])) as BucketRow[];
        let count = 0;
        const samples: BucketRow['samples'] = [];
        for (const row of rows) {
          count += row.n;
          samples.push(...row.samples);
          const counts = perBucket.get(row.bucket) ?? new Map<DataQualityCheck, number>();
          counts.set(check, row.n);
          perBucket.set(row.bucket, counts);
        }
        samples.sort(
          (a, b) =>
            a.problem.localeCompare(b.problem) || a.label.localeCompare(b.label) || a.id.localeCompare(b.id),
        );
        checks.push({
          check,
          visible: true,
          count,
          samples: samples.slice(0, SAMPLES_PER_CHECK).map((sample) => ({
            ...sample,
            descriptionZh: DATA_QUALITY_PROBLEMS[sample.problem][0],
            descriptionEn: DATA_QUALITY_PROBLEMS[sample.problem][1],
          })),
        });
      }
      const byRegion = regions
        .map((child) => {
          const counts = perBucket.get(child.path);
          return {
            region: child,
            total: [...(counts?.values() ?? [])].reduce((a, b) => a + b, 0),
            counts: DATA_QUALITY_CHECKS.map((check) => ({ check, count: counts?.get(check) ?? 0 })),
          };
        })
        // The region itself is listed only for what is filed right there (a township association).
        .filter((entry) => entry.region.id !== region.id || entry.total > 0);
      return { region, quarter, checks, byRegion };
    });
  }
}

function parseQuarter(label: string): Quarter {
  const match = QUARTER.exec(label.trim());
  const year = Number(match?.[1]);
  if (!match || year < 1980 || year > 2200) {
    throw badInput('quarter', '季度格式应为 YYYYQn，例如 2025Q2', 'The quarter must look like 2025Q2');
  }
  return quarterOf(year, Number(match[2]));
}

import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { actorOf, type RequestContext } from '../../graphql/request-context.ts';
import { toRegionType } from '../regions/region.type.ts';
import type { DataQualityReportView } from './data-quality.service.ts';
import {
  type DataQualityCheckEnum,
  type DataQualityEntityEnum,
  type DataQualityProblemEnum,
  DataQualityReportType,
} from './data-quality.type.ts';

function toReportType(view: DataQualityReportView): DataQualityReportType {
  return {
    region: toRegionType(view.region),
    quarter: view.quarter.label,
    checks: view.checks.map((check) => ({
      check: check.check as DataQualityCheckEnum,
      visible: check.visible,
      count: check.count,
      samples: check.samples.map((item) => ({
        ...item,
        entity: item.entity as DataQualityEntityEnum,
        problem: item.problem as DataQualityProblemEnum,
      })),
    })),
    byRegion: view.byRegion.map((entry) => ({
      region: toRegionType(entry.region),
      total: entry.total,
      counts: entry.counts.map((count) => ({
        check: count.check as DataQualityCheckEnum,
        count: count.count,
      })),
    })),
  };
}

@Resolver()
export class DataQualityResolver {
  @Query(() => DataQualityReportType, {
    description: '数据质量报告（默认本人辖区）/ Data-quality report (default: your own region)',
  })
  async dataQualityReport(
    @Arg('regionCode', () => String, { nullable: true }) regionCode: string | null,
    @Arg('quarter', () => String, {
      nullable: true,
      description: '如 2025Q2，默认上一个完整季度 / e.g. 2025Q2; default: the last complete quarter',
    })
    quarter: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<DataQualityReportType> {
    return toReportType(
      await ctx.services.dataQuality.report(actorOf(ctx), regionCode ?? null, quarter ?? null),
    );
  }
}

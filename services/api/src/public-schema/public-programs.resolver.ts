import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { AmountUnit, FundingTier, ProgramKind } from '../modules/programs/program-catalogue.ts';
import {
  AMOUNT_UNIT_LABELS,
  FUNDING_TIER_LABELS,
  PROGRAM_KIND_LABELS,
  variantLabel,
} from '../modules/programs/program-labels.ts';
import type { PublicContext } from './public-context.ts';
import { PublicProgram } from './public-programs.type.ts';

interface ProgramRow {
  code: string;
  name: string;
  kind: ProgramKind;
  funding_tier: FundingTier;
  sensitive: boolean;
  amount_unit: AmountUnit;
  source_document: string;
  notice_days: number;
  objection_office: string;
  objection_phone: string;
  standards: { variant: string; effectiveFrom: string; effectiveUntil: string | null; amountFen: string }[];
}

@Resolver()
export class PublicProgramResolver {
  @Query(() => [PublicProgram], {
    description: '适用于某区划的扶助项目（县级及以上设立的，和区划内设立的）及其历年标准',
  })
  async publicPrograms(
    @Arg('regionCode', () => String, { description: '12 位区划代码' }) regionCode: string,
    @Ctx() ctx: PublicContext,
  ): Promise<PublicProgram[]> {
    // A program set at the county (or above) applies to every township and village below it: it is
    // read where its region contains the requested one, or lies inside it.
    const rows = (await ctx.em.execute(
      `with target as (select path from region where code = ? and (path <@ ?::ltree or ?::ltree <@ path))
       select p.code, p.name, p.kind, p.funding_tier, p.sensitive, p.amount_unit, p.source_document,
              p.notice_days, p.objection_office, p.objection_phone,
              coalesce((select json_agg(json_build_object(
                                 'variant', s.variant,
                                 'effectiveFrom', to_char(s.effective_from, 'YYYY-MM-DD'),
                                 'effectiveUntil', to_char(s.effective_until, 'YYYY-MM-DD'),
                                 'amountFen', s.amount_fen::text)
                               order by s.variant, s.effective_from)
                          from program_standard s where s.program_id = p.id), '[]') as standards
         from program p cross join target
        where (p.region_path <@ ?::ltree or ?::ltree <@ p.region_path)
          and (p.region_path <@ target.path or target.path <@ p.region_path)
        order by p.code, p.region_path`,
      [regionCode, ctx.regionPath, ctx.regionPath, ctx.regionPath, ctx.regionPath],
    )) as ProgramRow[];
    return rows.map((row) => ({
      code: row.code,
      name: row.name,
      kind: row.kind,
      kindLabel: PROGRAM_KIND_LABELS[row.kind].zh,
      fundingTier: row.funding_tier,
      fundingTierLabel: FUNDING_TIER_LABELS[row.funding_tier].zh,
      sensitive: row.sensitive,
      amountUnit: row.amount_unit,
      amountUnitLabel: AMOUNT_UNIT_LABELS[row.amount_unit].zh,
      sourceDocument: row.source_document,
      noticeDays: row.notice_days,
      objectionOffice: row.objection_office,
      objectionPhone: row.objection_phone,
      standards: row.standards.map((standard) => ({
        variant: standard.variant,
        variantLabel: variantLabel(standard.variant).zh,
        effectiveFrom: standard.effectiveFrom,
        effectiveUntil: standard.effectiveUntil,
        amountFen: standard.amountFen,
      })),
    }));
  }
}

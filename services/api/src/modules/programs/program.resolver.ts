import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { badInput } from '../../errors/domain-error.ts';
import { actorOf, type RequestContext } from '../../graphql/request-context.ts';
import { filterDate } from '../../validation/field-checks.ts';
import type { PlanningStatusEnum, SensitiveStatusEnum } from '../households/household.type.ts';
import { loadRegion } from '../regions/region.loader.ts';
import { RegionType } from '../regions/region.type.ts';
import { describeEligibility } from './eligibility.ts';
import { AddProgramStandardInput, CreateProgramInput, LoadProgramCatalogueInput } from './program.inputs.ts';
import { type ProgramView, type StandardView, standardInForce } from './program.service.ts';
import {
  type AmountUnitEnum,
  type EvidenceKindEnum,
  type FundingTierEnum,
  type NoticeDayKindEnum,
  type PaymentPeriodEnum,
  type ProgramKindEnum,
  ProgramStandardType,
  ProgramType,
  type VariantFactEnum,
  type VillageKindEnum,
} from './program.type.ts';

export function toProgramType(view: ProgramView): ProgramType {
  const rules = view.eligibility;
  const summary = describeEligibility(rules);
  return {
    id: view.id,
    code: view.code,
    name: view.name,
    kind: view.kind as ProgramKindEnum,
    fundingTier: view.fundingTier as FundingTierEnum,
    amountUnit: view.amountUnit as AmountUnitEnum,
    paymentPeriod: view.paymentPeriod as PaymentPeriodEnum,
    sensitive: view.sensitive,
    variants: view.variants,
    eligibility: {
      minAge: rules.minAge ?? null,
      maxAge: rules.maxAge ?? null,
      householdPlanningStatuses: (rules.householdPlanningStatuses ?? null) as PlanningStatusEnum[] | null,
      householdSensitiveStatuses: (rules.householdSensitiveStatuses ?? null) as SensitiveStatusEnum[] | null,
      householdInDifficulty: rules.householdInDifficulty ?? null,
      regionKinds: (rules.regionKinds ?? null) as VillageKindEnum[] | null,
      variantBy: (rules.variantBy ?? null) as VariantFactEnum[] | null,
      summaryZh: summary.zh,
      summaryEn: summary.en,
    },
    requiredEvidence: {
      new: (view.requiredEvidence.NEW ?? []) as EvidenceKindEnum[],
      continuing: (view.requiredEvidence.CONTINUING ?? []) as EvidenceKindEnum[],
      exited: (view.requiredEvidence.EXITED ?? []) as EvidenceKindEnum[],
    },
    noticeDays: view.noticeDays,
    noticeDayKind: view.noticeDayKind as NoticeDayKindEnum,
    objectionOffice: view.objectionOffice,
    objectionPhone: view.objectionPhone,
    minAmountFen: view.minAmountFen,
    maxAmountFen: view.maxAmountFen,
    sourceDocument: view.sourceDocument,
    createdAt: view.createdAt,
    version: view.version,
    regionId: view.regionId,
  };
}

/** A program by id, batched per request; null when the caller cannot see it. */
export async function loadProgram(ctx: RequestContext, id: string): Promise<ProgramType | null> {
  const actor = actorOf(ctx);
  const view = await ctx.loaders
    .get('program.byId', async (ids) => {
      const rows = await ctx.services.programs.byIds(actor, ids);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((key) => byId.get(key) ?? null);
    })
    .load(id);
  return view ? toProgramType(view) : null;
}

/** The standards of a program, batched per request: one statement for a whole list of programs. */
function loadStandards(ctx: RequestContext, programId: string): Promise<StandardView[]> {
  const actor = actorOf(ctx);
  return ctx.loaders
    .get('program.standards', (ids) => ctx.services.programs.standardsOf(actor, ids))
    .load(programId);
}

@Resolver(() => ProgramType)
export class ProgramResolver {
  @Query(() => [ProgramType], { description: '本县的扶助项目 / The benefit programs of your county' })
  async programs(@Ctx() ctx: RequestContext): Promise<ProgramType[]> {
    return (await ctx.services.programs.list(actorOf(ctx))).map(toProgramType);
  }

  @Query(() => ProgramType, { description: '一个扶助项目 / One benefit program' })
  async program(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ProgramType> {
    return toProgramType(await ctx.services.programs.get(actorOf(ctx), id));
  }

  @FieldResolver(() => RegionType, { nullable: true, description: '设立项目的县 / The county that runs it' })
  async region(@Root() program: ProgramType, @Ctx() ctx: RequestContext): Promise<RegionType | null> {
    return loadRegion(ctx, program.regionId);
  }

  @FieldResolver(() => [ProgramStandardType], {
    description: '历年标准，按档次、起始日期排列 / Standards over the years, by variant and start date',
  })
  async standards(@Root() program: ProgramType, @Ctx() ctx: RequestContext): Promise<ProgramStandardType[]> {
    return loadStandards(ctx, program.id);
  }

  @FieldResolver(() => ProgramStandardType, {
    nullable: true,
    description: '某日适用的标准；空为当日无标准 / The standard in force on a day; empty when there is none',
  })
  async standardOn(
    @Root() program: ProgramType,
    @Arg('date', () => String, { description: '日期 YYYY-MM-DD / Day' }) date: string,
    @Arg('variant', () => String, {
      nullable: true,
      description: '档次；项目只有一个档次时可不填 / Variant; may be left out when the program has one',
    })
    variant: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ProgramStandardType | null> {
    const day = filterDate('date', date) as string;
    const chosen = variant ?? (program.variants.length === 1 ? program.variants[0] : null);
    if (!chosen) {
      throw badInput(
        'variant',
        `该项目有多个档次，请指定：${program.variants.join('、')}`,
        `This program has several variants; name one of: ${program.variants.join(', ')}`,
      );
    }
    return standardInForce(await loadStandards(ctx, program.id), chosen, day);
  }

  @Mutation(() => ProgramType, {
    description: '新建扶助项目（县级管理员）/ Create a benefit program (county admin)',
  })
  async createProgram(
    @Arg('input', () => CreateProgramInput) input: CreateProgramInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProgramType> {
    return toProgramType(await ctx.services.programs.create(actorOf(ctx), input));
  }

  @Mutation(() => ProgramType, {
    description:
      '为项目增加一段标准（县级管理员）：晚于现行标准起始日的新标准自其起始日替代现行标准；其余有效期重叠不予受理 / Add a standard (county admin): one starting after the standard in force began replaces it from that day; any other overlap is refused',
  })
  async addProgramStandard(
    @Arg('input', () => AddProgramStandardInput) input: AddProgramStandardInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProgramType> {
    return toProgramType(await ctx.services.programs.addStandard(actorOf(ctx), input));
  }

  @Mutation(() => [ProgramType], {
    description:
      '将项目目录（国家、省级及常见的县乡项目和历年标准）载入本县；已有的编码不变 / Load the program catalogue into your county; codes it already has stay as they are',
  })
  async loadProgramCatalogue(
    @Arg('input', () => LoadProgramCatalogueInput, { nullable: true })
    input: LoadProgramCatalogueInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ProgramType[]> {
    return (await ctx.services.programs.loadCatalogue(actorOf(ctx), input ?? {})).map(toProgramType);
  }
}

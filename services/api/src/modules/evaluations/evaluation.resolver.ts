import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionOf } from '../../graphql/connection.ts';
import { actorOf, type RequestContext } from '../../graphql/request-context.ts';
import type { RoleEnum } from '../identity/identity.type.ts';
import { loadRegion } from '../regions/region.loader.ts';
import { RegionType, toRegionType } from '../regions/region.type.ts';
import {
  EvaluationFilterInput,
  EvaluationInput,
  EvaluationOrderInput,
  ReEvaluationInput,
} from './evaluation.inputs.ts';
import type { EvaluationView } from './evaluation.service.ts';
import {
  ChecklistItemType,
  EvaluationConnection,
  type EvaluationItemType,
  EvaluationType,
  EvaluatorType,
} from './evaluation.type.ts';
import type { EvaluationFields } from './evaluation.validation.ts';
import { checklistItem, EVALUATION_CHECKLIST } from './evaluation-checklist.ts';

function toEvaluationType(view: EvaluationView): EvaluationType {
  return {
    ...view,
    items: view.items.map((item): EvaluationItemType => {
      // An item retired from the checklist after this evaluation still shows, under its code.
      const label = checklistItem(item.code);
      return { ...item, labelZh: label?.zh ?? item.code, labelEn: label?.en ?? item.code };
    }),
  };
}

function toFields(input: ReEvaluationInput): EvaluationFields {
  return {
    evaluatedOn: input.evaluatedOn,
    items: input.items.map((item) => ({ code: item.code, passed: item.passed, note: item.note ?? null })),
    score: input.score ?? null,
    rectificationDeadline: input.rectificationDeadline ?? null,
  };
}

function loadEvaluation(ctx: RequestContext, id: string): Promise<EvaluationView | null> {
  const actor = actorOf(ctx);
  return ctx.loaders.get('evaluation.byId', (ids) => ctx.services.evaluations.byIds(actor, ids)).load(id);
}

@Resolver(() => EvaluationType)
export class EvaluationResolver {
  @Query(() => [ChecklistItemType], {
    description: '评估标准：每次评估须逐项作答 / The checklist every evaluation answers item by item',
  })
  evaluationChecklist(@Ctx() ctx: RequestContext): ChecklistItemType[] {
    actorOf(ctx);
    return EVALUATION_CHECKLIST.map((item) => ({ code: item.code, labelZh: item.zh, labelEn: item.en }));
  }

  @Query(() => EvaluationType, { description: '一条评估记录 / One evaluation' })
  async evaluation(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<EvaluationType> {
    return toEvaluationType(await ctx.services.evaluations.get(actorOf(ctx), id));
  }

  @Query(() => EvaluationConnection, {
    description: '评估记录列表，默认按评估日期倒序 / Evaluations, latest first',
  })
  async evaluations(
    @Arg('first', () => Int, { nullable: true, description: '每页条数，最多 100 / Page size, at most 100' })
    first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => EvaluationFilterInput, { nullable: true }) filter: EvaluationFilterInput | null,
    @Arg('orderBy', () => EvaluationOrderInput, { nullable: true }) orderBy: EvaluationOrderInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<EvaluationConnection> {
    const page = await ctx.services.evaluations.list(
      actorOf(ctx),
      { first, after },
      filter ?? {},
      orderBy ?? { field: 'EVALUATED_ON', direction: 'DESC' },
    );
    return connectionOf(page, after, toEvaluationType);
  }

  @FieldResolver(() => RegionType, {
    nullable: true,
    description: '协会所在区划 / Region of the association',
  })
  async region(@Root() evaluation: EvaluationType, @Ctx() ctx: RequestContext): Promise<RegionType | null> {
    return loadRegion(ctx, evaluation.regionId);
  }

  @FieldResolver(() => EvaluationType, {
    nullable: true,
    description: '本次为复评时，被复评的原评估 / The failed evaluation this one re-evaluates',
  })
  async reEvaluationOf(
    @Root() evaluation: EvaluationType,
    @Ctx() ctx: RequestContext,
  ): Promise<EvaluationType | null> {
    if (!evaluation.reEvaluationOfId) return null;
    const view = await loadEvaluation(ctx, evaluation.reEvaluationOfId);
    return view ? toEvaluationType(view) : null;
  }

  @FieldResolver(() => EvaluationType, {
    nullable: true,
    description: '对本次评估的复评（如有）/ The re-evaluation that followed this one, if any',
  })
  async reEvaluation(
    @Root() evaluation: EvaluationType,
    @Ctx() ctx: RequestContext,
  ): Promise<EvaluationType | null> {
    if (!evaluation.reEvaluationId) return null;
    const view = await loadEvaluation(ctx, evaluation.reEvaluationId);
    return view ? toEvaluationType(view) : null;
  }

  @FieldResolver(() => EvaluatorType, {
    nullable: true,
    description: '评估人（姓名、角色与区划）/ Who evaluated: name, role and region',
  })
  async evaluatedBy(
    @Root() evaluation: EvaluationType,
    @Ctx() ctx: RequestContext,
  ): Promise<EvaluatorType | null> {
    const actor = actorOf(ctx);
    const evaluator = await ctx.loaders
      .get('evaluation.evaluator', (ids) => ctx.services.evaluations.evaluators(actor, ids))
      .load(evaluation.evaluatedById);
    return evaluator
      ? {
          displayName: evaluator.displayName,
          role: evaluator.role as RoleEnum,
          region: toRegionType(evaluator.region),
        }
      : null;
  }

  @Mutation(() => EvaluationType, {
    description:
      '记录评估认定（县、乡镇管理员评估下级协会）/ Record an evaluation of an association below your level',
  })
  async recordEvaluation(
    @Arg('input', () => EvaluationInput) input: EvaluationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<EvaluationType> {
    return toEvaluationType(
      await ctx.services.evaluations.record(actorOf(ctx), input.associationId, toFields(input)),
    );
  }

  @Mutation(() => EvaluationType, {
    description:
      '整改后复评未通过的评估（每条评估至多一次）/ Re-evaluate a failed evaluation after rectification (once)',
  })
  async recordReEvaluation(
    @Arg('evaluationId', () => ID) evaluationId: string,
    @Arg('input', () => ReEvaluationInput) input: ReEvaluationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<EvaluationType> {
    return toEvaluationType(
      await ctx.services.evaluations.recordReEvaluation(actorOf(ctx), evaluationId, toFields(input)),
    );
  }
}

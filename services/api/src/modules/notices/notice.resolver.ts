import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionOf } from '../../graphql/connection.ts';
import { actorOf, type RequestContext } from '../../graphql/request-context.ts';
import { toEnrollmentType } from '../enrollments/enrollment.resolver.ts';
import type { EnrollmentView } from '../enrollments/enrollment.service.ts';
import { EnrollmentType } from '../enrollments/enrollment.type.ts';
import { loadProgram } from '../programs/program.resolver.ts';
import { ProgramType } from '../programs/program.type.ts';
import { loadRegion } from '../regions/region.loader.ts';
import { RegionType } from '../regions/region.type.ts';
import { NoticeFilterInput, OpenNoticeInput, RecordObjectionInput } from './notice.inputs.ts';
import type { NoticeView, ObjectionView } from './notice.service.ts';
import {
  NoticeConnection,
  type NoticeStatusEnum,
  NoticeType,
  type ObjectionChannelEnum,
  ObjectionOutcomeEnum,
  type ObjectionStatusEnum,
  ObjectionType,
} from './notice.type.ts';

function toNoticeType(view: NoticeView): NoticeType {
  return {
    id: view.id,
    programId: view.programId,
    year: view.year,
    startsOn: view.startsOn,
    endsOn: view.endsOn,
    objectionOffice: view.objectionOffice,
    objectionPhone: view.objectionPhone,
    status: view.status as NoticeStatusEnum,
    daysLeft: view.daysLeft,
    openedBy: view.openedBy,
    openedAt: view.openedAt,
    confirmedBy: view.confirmedBy,
    confirmedAt: view.confirmedAt,
    version: view.version,
    regionId: view.regionId,
  };
}

function toObjectionType(view: ObjectionView): ObjectionType {
  return {
    ...view,
    channel: view.channel as ObjectionChannelEnum,
    status: view.status as ObjectionStatusEnum,
  };
}

/** The objections of a notice, batched per request (the counts come from the same rows). */
function loadObjections(ctx: RequestContext, noticeId: string): Promise<ObjectionView[]> {
  const actor = actorOf(ctx);
  return ctx.loaders
    .get('notice.objections', (ids) => ctx.services.notices.objectionsOf(actor, ids))
    .load(noticeId);
}

function loadEnrollments(ctx: RequestContext, noticeId: string): Promise<EnrollmentView[]> {
  const actor = actorOf(ctx);
  return ctx.loaders
    .get('notice.enrollments', (ids) => ctx.services.enrollments.byNotices(actor, ids))
    .load(noticeId);
}

@Resolver(() => NoticeType)
export class NoticeResolver {
  @Query(() => NoticeType, { description: '一次公示 / One public notice' })
  async notice(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<NoticeType> {
    return toNoticeType(await ctx.services.notices.get(actorOf(ctx), id));
  }

  @Query(() => NoticeConnection, { description: '公示列表，最近开始的在前 / Notices, latest start first' })
  async notices(
    @Arg('first', () => Int, { nullable: true, description: '每页条数，最多 100 / Page size, at most 100' })
    first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => NoticeFilterInput, { nullable: true }) filter: NoticeFilterInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<NoticeConnection> {
    const page = await ctx.services.notices.list(actorOf(ctx), { first, after }, filter ?? {});
    return connectionOf(page, after, toNoticeType);
  }

  @FieldResolver(() => ProgramType, { nullable: true })
  async program(@Root() notice: NoticeType, @Ctx() ctx: RequestContext): Promise<ProgramType | null> {
    return loadProgram(ctx, notice.programId);
  }

  @FieldResolver(() => RegionType, { nullable: true, description: '公示范围 / Where it is posted' })
  async region(@Root() notice: NoticeType, @Ctx() ctx: RequestContext): Promise<RegionType | null> {
    return loadRegion(ctx, notice.regionId);
  }

  @FieldResolver(() => [EnrollmentType], {
    description: '公示名单（您管辖范围内的）/ Those on the notice (within your jurisdiction)',
  })
  async enrollments(@Root() notice: NoticeType, @Ctx() ctx: RequestContext): Promise<EnrollmentType[]> {
    return (await loadEnrollments(ctx, notice.id)).map(toEnrollmentType);
  }

  @FieldResolver(() => [ObjectionType], { description: '收到的异议 / Objections received' })
  async objections(@Root() notice: NoticeType, @Ctx() ctx: RequestContext): Promise<ObjectionType[]> {
    return (await loadObjections(ctx, notice.id)).map(toObjectionType);
  }

  @FieldResolver(() => Int, { description: '异议总数 / Objections received' })
  async objectionCount(@Root() notice: NoticeType, @Ctx() ctx: RequestContext): Promise<number> {
    return (await loadObjections(ctx, notice.id)).length;
  }

  @FieldResolver(() => Int, { description: '待处理的异议数 / Objections still open' })
  async openObjectionCount(@Root() notice: NoticeType, @Ctx() ctx: RequestContext): Promise<number> {
    return (await loadObjections(ctx, notice.id)).filter((objection) => objection.status === 'OPEN').length;
  }

  @Mutation(() => NoticeType, {
    description:
      '发起公示（乡镇或县级管理员）：范围内该项目该年度全部已审批对象进入公示 / Open a notice (township or county admin): every approved enrollment of the program and year in the region goes on it',
  })
  async openNotice(
    @Arg('input', () => OpenNoticeInput) input: OpenNoticeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<NoticeType> {
    return toNoticeType(await ctx.services.notices.open(actorOf(ctx), input));
  }

  @Mutation(() => ObjectionType, {
    description:
      '按异议编号登记异议（村、乡镇或县级，须在公示期内收到）/ Record an objection by its token (village, township or county; received while the notice runs)',
  })
  async recordObjection(
    @Arg('input', () => RecordObjectionInput) input: RecordObjectionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ObjectionType> {
    return toObjectionType(await ctx.services.notices.recordObjection(actorOf(ctx), input));
  }

  @Mutation(() => ObjectionType, {
    description:
      '处理异议：成立或不成立，并说明理由（乡镇或县级管理员）/ Resolve an objection, with reasons (township or county admin)',
  })
  async resolveObjection(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('outcome', () => ObjectionOutcomeEnum) outcome: ObjectionOutcomeEnum,
    @Arg('resolution', () => String, { description: '处理意见，2–1000 字 / Resolution, 2–1000 characters' })
    resolution: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ObjectionType> {
    return toObjectionType(
      await ctx.services.notices.resolveObjection(actorOf(ctx), id, expectedVersion, outcome, resolution),
    );
  }

  @Mutation(() => NoticeType, {
    description:
      '公示期满且异议全部处理后确认名单：异议成立者除名，其余确认（乡镇或县级管理员）/ Confirm the roll once the notice has ended and every objection is resolved: upheld ones are struck off, the rest confirmed (township or county admin)',
  })
  async confirmNotice(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ): Promise<NoticeType> {
    return toNoticeType(await ctx.services.notices.confirm(actorOf(ctx), id, expectedVersion));
  }
}

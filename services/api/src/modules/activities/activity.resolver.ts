import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionOf } from '../../graphql/connection.ts';
import { actorOf, type RequestContext } from '../../graphql/request-context.ts';
import { loadRegion } from '../regions/region.loader.ts';
import { RegionType } from '../regions/region.type.ts';
import { ActivityFilterInput, ActivityInput, ActivityOrderInput } from './activity.inputs.ts';
import type { ActivityView } from './activity.service.ts';
import {
  ActivityConnection,
  type ActivityKindEnum,
  ActivityKindTotalsType,
  ActivityType,
} from './activity.type.ts';
import type { ActivityFields } from './activity.validation.ts';

function toActivityType(view: ActivityView): ActivityType {
  return { ...view, kind: view.kind as ActivityKindEnum };
}

function toFields(input: ActivityInput): ActivityFields {
  return {
    associationId: input.associationId,
    kind: input.kind,
    heldOn: input.heldOn,
    title: input.title,
    participants: input.participants ?? 0,
    leaflets: input.leaflets ?? 0,
    consultations: input.consultations ?? 0,
    peopleScreened: input.peopleScreened ?? 0,
  };
}

@Resolver(() => ActivityType)
export class ActivityResolver {
  @Query(() => ActivityType, { description: '一条活动记录 / One activity' })
  async activity(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ActivityType> {
    return toActivityType(await ctx.services.activities.get(actorOf(ctx), id));
  }

  @Query(() => ActivityConnection, {
    description: '活动记录列表，默认按活动日期倒序 / Activities, latest first',
  })
  async activities(
    @Arg('first', () => Int, { nullable: true, description: '每页条数，最多 100 / Page size, at most 100' })
    first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => ActivityFilterInput, { nullable: true }) filter: ActivityFilterInput | null,
    @Arg('orderBy', () => ActivityOrderInput, { nullable: true }) orderBy: ActivityOrderInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ActivityConnection> {
    const page = await ctx.services.activities.list(
      actorOf(ctx),
      { first, after },
      filter ?? {},
      orderBy ?? { field: 'HELD_ON', direction: 'DESC' },
    );
    return connectionOf(page, after, toActivityType);
  }

  @Query(() => [ActivityKindTotalsType], {
    description:
      '按活动类型统计次数与各项数字（不传区划则为本人所辖）/ Count and figures per kind of activity (default: your jurisdiction)',
  })
  async activityTotals(
    @Arg('regionCode', () => String, { nullable: true }) regionCode: string | null,
    @Arg('from', () => String, { nullable: true, description: '活动日期起（含）/ Held on or after' })
    from: string | null,
    @Arg('to', () => String, { nullable: true, description: '活动日期止（含）/ Held on or before' })
    to: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ActivityKindTotalsType[]> {
    const totals = await ctx.services.activities.totals(actorOf(ctx), regionCode, from, to);
    return totals.map((row) => ({ ...row, kind: row.kind as ActivityKindEnum }));
  }

  @FieldResolver(() => RegionType, {
    nullable: true,
    description: '活动所在区划 / Region of the association',
  })
  async region(@Root() activity: ActivityType, @Ctx() ctx: RequestContext): Promise<RegionType | null> {
    return loadRegion(ctx, activity.regionId);
  }

  @Mutation(() => ActivityType, { description: '记录一次活动 / Record an activity' })
  async recordActivity(
    @Arg('input', () => ActivityInput) input: ActivityInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ActivityType> {
    return toActivityType(await ctx.services.activities.record(actorOf(ctx), toFields(input)));
  }

  @Mutation(() => ActivityType, { description: '更正活动记录 / Correct an activity' })
  async updateActivity(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => ActivityInput) input: ActivityInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ActivityType> {
    return toActivityType(
      await ctx.services.activities.update(actorOf(ctx), id, expectedVersion, toFields(input)),
    );
  }

  @Mutation(() => ID, {
    description: '删除误录的活动记录，返回其编号 / Delete an activity recorded by mistake',
  })
  async deleteActivity(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ): Promise<string> {
    return ctx.services.activities.delete(actorOf(ctx), id, expectedVersion);
  }
}

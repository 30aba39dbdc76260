import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionOf } from '../../graphql/connection.ts';
import { actorOf, type RequestContext } from '../../graphql/request-context.ts';
import { loadHouseholdMembers } from '../persons/person.loaders.ts';
import { PersonType } from '../persons/person.type.ts';
import { loadRegion } from '../regions/region.loader.ts';
import { RegionType } from '../regions/region.type.ts';
import { HouseholdFilterInput, HouseholdInput, HouseholdOrderInput } from './household.inputs.ts';
import { loadSensitiveStatus } from './household.loaders.ts';
import { mayReadSensitive } from './household.service.ts';
import {
  HouseholdConnection,
  HouseholdType,
  SensitiveStatusEnum,
  toHouseholdType,
} from './household.type.ts';

@Resolver(() => HouseholdType)
export class HouseholdResolver {
  @Query(() => HouseholdType, { description: '一户 / One household' })
  async household(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<HouseholdType> {
    return toHouseholdType(await ctx.services.households.get(actorOf(ctx), id));
  }

  @Query(() => HouseholdConnection, { description: '户列表 / Households in your jurisdiction' })
  async households(
    @Arg('first', () => Int, { nullable: true, description: '每页条数，最多 100 / Page size, at most 100' })
    first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => HouseholdFilterInput, { nullable: true }) filter: HouseholdFilterInput | null,
    @Arg('orderBy', () => HouseholdOrderInput, { nullable: true }) orderBy: HouseholdOrderInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<HouseholdConnection> {
    const page = await ctx.services.households.list(
      actorOf(ctx),
      { first, after },
      filter ?? {},
      orderBy ?? { field: 'CODE', direction: 'ASC' },
    );
    return connectionOf(page, after, toHouseholdType);
  }

  @Mutation(() => HouseholdType, { description: '建户 / Create a household' })
  async createHousehold(
    @Arg('input', () => HouseholdInput) input: HouseholdInput,
    @Ctx() ctx: RequestContext,
  ): Promise<HouseholdType> {
    return toHouseholdType(await ctx.services.households.create(actorOf(ctx), input));
  }

  @Mutation(() => HouseholdType, { description: '修改户信息 / Edit a household' })
  async updateHousehold(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => HouseholdInput) input: HouseholdInput,
    @Ctx() ctx: RequestContext,
  ): Promise<HouseholdType> {
    return toHouseholdType(await ctx.services.households.update(actorOf(ctx), id, expectedVersion, input));
  }

  @Mutation(() => HouseholdType, {
    description:
      '登记或清除敏感家庭状况，仅县级和乡镇管理员 / Record or clear a sensitive status (county and township admins only)',
  })
  async setSensitiveStatus(
    @Arg('householdId', () => ID) householdId: string,
    @Arg('status', () => SensitiveStatusEnum, { nullable: true }) status: SensitiveStatusEnum | null,
    @Arg('since', () => String, { nullable: true, description: 'YYYY-MM-DD' }) since: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<HouseholdType> {
    return toHouseholdType(
      await ctx.services.households.setSensitiveStatus(
        actorOf(ctx),
        householdId,
        status ?? null,
        since ?? null,
      ),
    );
  }

  @FieldResolver(() => RegionType, { description: '所在村或村民小组 / Village or group' })
  async region(@Root() household: HouseholdType, @Ctx() ctx: RequestContext): Promise<RegionType | null> {
    return loadRegion(ctx, household.regionId);
  }

  @FieldResolver(() => [PersonType], {
    description: '户内成员（您辖区内的）/ Members (those in your jurisdiction)',
  })
  async members(@Root() household: HouseholdType, @Ctx() ctx: RequestContext): Promise<PersonType[]> {
    return loadHouseholdMembers(ctx, household.id);
  }

  @FieldResolver(() => SensitiveStatusEnum, {
    nullable: true,
    description:
      '敏感家庭状况：无或您无权查看时为空，见 sensitiveStatusVisible / Null when none or not visible to your role',
  })
  async sensitiveStatus(
    @Root() household: HouseholdType,
    @Ctx() ctx: RequestContext,
  ): Promise<SensitiveStatusEnum | null> {
    const row = await loadSensitiveStatus(ctx, household.id);
    return (row?.status as SensitiveStatusEnum | undefined) ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: '敏感状况起始日期 / Sensitive status since' })
  async sensitiveStatusSince(
    @Root() household: HouseholdType,
    @Ctx() ctx: RequestContext,
  ): Promise<string | null> {
    return (await loadSensitiveStatus(ctx, household.id))?.since ?? null;
  }

  @FieldResolver(() => Boolean, {
    description:
      '您的角色能否查看敏感家庭状况（否则显示“无权查看”）/ Whether your role may see the sensitive status at all',
  })
  sensitiveStatusVisible(@Ctx() ctx: RequestContext): boolean {
    return mayReadSensitive(actorOf(ctx).user);
  }
}

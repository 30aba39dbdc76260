import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionOf } from '../../graphql/connection.ts';
import { actorOf, type RequestContext } from '../../graphql/request-context.ts';
import { loadHousehold } from '../households/household.loaders.ts';
import { HouseholdType } from '../households/household.type.ts';
import { loadRegion } from '../regions/region.loader.ts';
import { RegionType } from '../regions/region.type.ts';
import {
  PersonFilterInput,
  PersonOrderInput,
  RegisterPersonInput,
  UpdatePersonInput,
} from './person.inputs.ts';
import { HouseholdRelationEnum, PersonConnection, PersonType, toPersonType } from './person.type.ts';

@Resolver(() => PersonType)
export class PersonResolver {
  @Query(() => PersonType, { description: '一个人员 / One person' })
  async person(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<PersonType> {
    return toPersonType(await ctx.services.persons.get(actorOf(ctx), id));
  }

  @Query(() => PersonConnection, { description: '人员列表 / Persons in your jurisdiction' })
  async persons(
    @Arg('first', () => Int, { nullable: true, description: '每页条数，最多 100 / Page size, at most 100' })
    first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => PersonFilterInput, { nullable: true }) filter: PersonFilterInput | null,
    @Arg('orderBy', () => PersonOrderInput, { nullable: true }) orderBy: PersonOrderInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<PersonConnection> {
    const page = await ctx.services.persons.list(
      actorOf(ctx),
      { first, after },
      filter ?? {},
      orderBy ?? { field: 'NAME', direction: 'ASC' },
    );
    return connectionOf(page, after, toPersonType);
  }

  @Query(() => String, {
    description:
      '完整身份证号（仅本辖区录入人员可查，查看记入审计日志）/ The full ID number (writers in scope; each read is audited)',
  })
  async personResidentId(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<string> {
    return ctx.services.persons.residentId(actorOf(ctx), id);
  }

  @Mutation(() => PersonType, { description: '登记人员 / Register a person' })
  async registerPerson(
    @Arg('input', () => RegisterPersonInput) input: RegisterPersonInput,
    @Ctx() ctx: RequestContext,
  ): Promise<PersonType> {
    return toPersonType(await ctx.services.persons.register(actorOf(ctx), input));
  }

  @Mutation(() => PersonType, { description: '修改人员信息 / Edit a person' })
  async updatePerson(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => UpdatePersonInput) input: UpdatePersonInput,
    @Ctx() ctx: RequestContext,
  ): Promise<PersonType> {
    return toPersonType(await ctx.services.persons.update(actorOf(ctx), id, expectedVersion, input));
  }

  @Mutation(() => PersonType, {
    description: '登记迁出（null 撤销误录）/ Record moving away (null clears it)',
  })
  async recordMovedAway(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('movedAwayOn', () => String, { nullable: true, description: 'YYYY-MM-DD' }) movedAwayOn:
      | string
      | null,
    @Ctx() ctx: RequestContext,
  ): Promise<PersonType> {
    return toPersonType(
      await ctx.services.persons.recordMovedAway(actorOf(ctx), id, expectedVersion, movedAwayOn ?? null),
    );
  }

  @Mutation(() => PersonType, { description: '登记死亡（null 撤销误录）/ Record a death (null clears it)' })
  async recordDeath(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('deceasedOn', () => String, { nullable: true, description: 'YYYY-MM-DD' }) deceasedOn: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<PersonType> {
    return toPersonType(
      await ctx.services.persons.recordDeath(actorOf(ctx), id, expectedVersion, deceasedOn ?? null),
    );
  }

  @Mutation(() => PersonType, {
    description:
      '调整户籍成员关系（householdId 为 null 则移出）/ Put a person into a household, or out (null)',
  })
  async setHouseholdMembership(
    @Arg('personId', () => ID) personId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('householdId', () => ID, { nullable: true }) householdId: string | null,
    @Arg('relation', () => HouseholdRelationEnum, { nullable: true }) relation: HouseholdRelationEnum | null,
    @Ctx() ctx: RequestContext,
  ): Promise<PersonType> {
    return toPersonType(
      await ctx.services.persons.setHouseholdMembership(
        actorOf(ctx),
        personId,
        expectedVersion,
        householdId ?? null,
        relation ?? null,
      ),
    );
  }

  @FieldResolver(() => RegionType, { description: '户籍地 / Registered region' })
  async registeredRegion(@Root() person: PersonType, @Ctx() ctx: RequestContext): Promise<RegionType | null> {
    return loadRegion(ctx, person.registeredRegionId);
  }

  @FieldResolver(() => RegionType, {
    nullable: true,
    description: '现居地（不在您辖区内时为空）/ Current region (null when outside your jurisdiction)',
  })
  async currentRegion(@Root() person: PersonType, @Ctx() ctx: RequestContext): Promise<RegionType | null> {
    return loadRegion(ctx, person.currentRegionId);
  }

  @FieldResolver(() => HouseholdType, { nullable: true, description: '所属户 / Household' })
  async household(@Root() person: PersonType, @Ctx() ctx: RequestContext): Promise<HouseholdType | null> {
    return person.householdId ? loadHousehold(ctx, person.householdId) : null;
  }
}

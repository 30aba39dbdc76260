import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionOf } from '../../graphql/connection.ts';
import { actorOf, type RequestContext } from '../../graphql/request-context.ts';
import { AssociationType, MemberGroupType } from '../associations/association.type.ts';
import { AddMemberInput, MemberFilterInput, MemberOrderInput, MemberUpdateInput } from './member.inputs.ts';
import { ContactHouseholdType, MemberConnection, MemberType } from './member.type.ts';
import type { MemberFields } from './member.validation.ts';

/** The fields given; left out (undefined) means unchanged, null clears. */
function toPatch(input: MemberUpdateInput): Partial<MemberFields> {
  return {
    role: input.role ?? undefined,
    cardNumber: input.cardNumber,
    duesPaidYear: input.duesPaidYear,
    groupId: input.groupId,
    joinedOn: input.joinedOn,
  };
}

@Resolver(() => MemberType)
export class MemberResolver {
  @Query(() => MemberType, { description: '一名会员 / One member' })
  async member(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<MemberType> {
    return ctx.services.members.get(actorOf(ctx), id);
  }

  @Query(() => MemberConnection, { description: '会员列表，默认按姓名 / Members, by name by default' })
  async members(
    @Arg('first', () => Int, { nullable: true, description: '每页条数，最多 100 / Page size, at most 100' })
    first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => MemberFilterInput, { nullable: true }) filter: MemberFilterInput | null,
    @Arg('orderBy', () => MemberOrderInput, { nullable: true }) orderBy: MemberOrderInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<MemberConnection> {
    const page = await ctx.services.members.list(
      actorOf(ctx),
      { first, after },
      filter ?? {},
      orderBy ?? { field: 'NAME', direction: 'ASC' },
    );
    return connectionOf(page, after);
  }

  @FieldResolver(() => AssociationType, { nullable: true, description: '所属协会 / The association' })
  async association(@Root() member: MemberType, @Ctx() ctx: RequestContext): Promise<AssociationType | null> {
    const actor = actorOf(ctx);
    return ctx.loaders
      .get('member.association', (ids) => ctx.services.associations.byIds(actor, ids))
      .load(member.associationId);
  }

  @FieldResolver(() => MemberGroupType, { nullable: true, description: '会员小组 / Member group' })
  async group(@Root() member: MemberType, @Ctx() ctx: RequestContext): Promise<MemberGroupType | null> {
    if (member.groupId === null) return null;
    const actor = actorOf(ctx);
    return ctx.loaders
      .get('member.group', (ids) => ctx.services.associations.groupsByIds(actor, ids))
      .load(member.groupId);
  }

  @FieldResolver(() => [ContactHouseholdType], {
    description: '联系户 / Contact households, by household code',
  })
  async contactHouseholds(
    @Root() member: MemberType,
    @Ctx() ctx: RequestContext,
  ): Promise<ContactHouseholdType[]> {
    const actor = actorOf(ctx);
    return ctx.loaders
      .get('member.contactHouseholds', (ids) => ctx.services.members.contactHouseholdsOf(actor, ids))
      .load(member.id);
  }

  @Mutation(() => MemberType, { description: '登记会员 / Add a member to an association' })
  async addMember(
    @Arg('input', () => AddMemberInput) input: AddMemberInput,
    @Ctx() ctx: RequestContext,
  ): Promise<MemberType> {
    return ctx.services.members.add(actorOf(ctx), {
      associationId: input.associationId,
      personId: input.personId,
      role: input.role ?? 'MEMBER',
      cardNumber: input.cardNumber ?? null,
      duesPaidYear: input.duesPaidYear ?? null,
      groupId: input.groupId ?? null,
      joinedOn: input.joinedOn ?? null,
    });
  }

  @Mutation(() => MemberType, { description: '修改会员信息 / Edit a membership' })
  async updateMember(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => MemberUpdateInput) input: MemberUpdateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<MemberType> {
    return ctx.services.members.update(actorOf(ctx), id, expectedVersion, toPatch(input));
  }

  @Mutation(() => MemberType, { description: '退会 / End a membership' })
  async endMembership(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('leftOn', () => String, { description: '退会日期 YYYY-MM-DD / Left on' }) leftOn: string,
    @Ctx() ctx: RequestContext,
  ): Promise<MemberType> {
    return ctx.services.members.end(actorOf(ctx), id, expectedVersion, leftOn);
  }

  @Mutation(() => MemberType, { description: '结对联系户 / Link a contact household to a member' })
  async linkContactHousehold(
    @Arg('memberId', () => ID) memberId: string,
    @Arg('householdId', () => ID) householdId: string,
    @Arg('since', () => String, { nullable: true, description: '结对日期 YYYY-MM-DD / Since' })
    since: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<MemberType> {
    return ctx.services.members.linkContactHousehold(actorOf(ctx), memberId, householdId, since);
  }

  @Mutation(() => MemberType, { description: '解除联系户 / Unlink a contact household' })
  async unlinkContactHousehold(
    @Arg('memberId', () => ID) memberId: string,
    @Arg('householdId', () => ID) householdId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<MemberType> {
    return ctx.services.members.unlinkContactHousehold(actorOf(ctx), memberId, householdId);
  }
}

/** An association's members, as nested fields: one statement per level whatever the page size. */
@Resolver(() => AssociationType)
export class AssociationMembersResolver {
  @FieldResolver(() => MemberConnection, { description: '会员，按姓名 / Members, by name' })
  async members(
    @Root() association: AssociationType,
    @Arg('first', () => Int, { nullable: true, description: '每页条数，最多 100 / Page size, at most 100' })
    first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<MemberConnection> {
    const actor = actorOf(ctx);
    // One loader per page request: every association asked with the same arguments shares a batch.
    const page = await ctx.loaders
      .get(`association.members:${first ?? ''}:${after ?? ''}`, (ids) =>
        ctx.services.members.pagesOf(actor, ids, { first, after }),
      )
      .load(association.id);
    return connectionOf(page, after);
  }

  @FieldResolver(() => Int, { description: '在册会员数 / Current members' })
  async memberCount(@Root() association: AssociationType, @Ctx() ctx: RequestContext): Promise<number> {
    const actor = actorOf(ctx);
    return ctx.loaders
      .get('association.memberCount', (ids) => ctx.services.members.countsOf(actor, ids))
      .load(association.id);
  }
}

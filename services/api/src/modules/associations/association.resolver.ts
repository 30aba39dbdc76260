import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionOf } from '../../graphql/connection.ts';
import { actorOf, type RequestContext } from '../../graphql/request-context.ts';
import {
  AssociationFilterInput,
  AssociationInput,
  AssociationOrderInput,
  AssociationUpdateInput,
} from './association.inputs.ts';
import { AssociationConnection, AssociationType, MemberGroupType } from './association.type.ts';
import type { AssociationFields } from './association.validation.ts';

/** The fields given; left out (undefined) means unchanged, and null clears a date. */
function toPatch(input: AssociationUpdateInput): Partial<AssociationFields> {
  return {
    name: input.name ?? undefined,
    kind: input.kind ?? undefined,
    standing: input.standing ?? undefined,
    memberHomeFacilities: input.memberHomeFacilities ?? undefined,
    foundedOn: input.foundedOn,
  };
}

@Resolver(() => AssociationType)
export class AssociationResolver {
  @Query(() => AssociationType, { description: '一个协会 / One association' })
  async association(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<AssociationType> {
    return ctx.services.associations.get(actorOf(ctx), id);
  }

  @Query(() => AssociationConnection, {
    description: '协会列表，默认按名称 / Associations, by name by default',
  })
  async associations(
    @Arg('first', () => Int, { nullable: true, description: '每页条数，最多 100 / Page size, at most 100' })
    first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => AssociationFilterInput, { nullable: true }) filter: AssociationFilterInput | null,
    @Arg('orderBy', () => AssociationOrderInput, { nullable: true }) orderBy: AssociationOrderInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<AssociationConnection> {
    const page = await ctx.services.associations.list(
      actorOf(ctx),
      { first, after },
      filter ?? {},
      orderBy ?? { field: 'NAME', direction: 'ASC' },
    );
    return connectionOf(page, after);
  }

  @FieldResolver(() => [MemberGroupType], { description: '会员小组 / Member groups, by name' })
  async memberGroups(
    @Root() association: AssociationType,
    @Ctx() ctx: RequestContext,
  ): Promise<MemberGroupType[]> {
    const actor = actorOf(ctx);
    return ctx.loaders
      .get('association.memberGroups', (ids) => ctx.services.associations.groupsOf(actor, ids))
      .load(association.id);
  }

  @Mutation(() => AssociationType, { description: '新建协会 / Create an association' })
  async createAssociation(
    @Arg('input', () => AssociationInput) input: AssociationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AssociationType> {
    return ctx.services.associations.create(actorOf(ctx), {
      regionCode: input.regionCode,
      code: input.code,
      name: input.name,
      kind: input.kind,
      standing: input.standing ?? 'ORDINARY',
      memberHomeFacilities: input.memberHomeFacilities ?? [],
      foundedOn: input.foundedOn ?? null,
    });
  }

  @Mutation(() => AssociationType, { description: '修改协会 / Edit an association' })
  async updateAssociation(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => AssociationUpdateInput) input: AssociationUpdateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AssociationType> {
    return ctx.services.associations.update(actorOf(ctx), id, expectedVersion, toPatch(input));
  }

  @Mutation(() => MemberGroupType, { description: '新建会员小组 / Create a member group' })
  async createMemberGroup(
    @Arg('associationId', () => ID) associationId: string,
    @Arg('name', () => String) name: string,
    @Ctx() ctx: RequestContext,
  ): Promise<MemberGroupType> {
    return ctx.services.associations.createGroup(actorOf(ctx), associationId, name);
  }

  @Mutation(() => MemberGroupType, { description: '重命名会员小组 / Rename a member group' })
  async renameMemberGroup(
    @Arg('id', () => ID) id: string,
    @Arg('name', () => String) name: string,
    @Ctx() ctx: RequestContext,
  ): Promise<MemberGroupType> {
    return ctx.services.associations.renameGroup(actorOf(ctx), id, name);
  }
}

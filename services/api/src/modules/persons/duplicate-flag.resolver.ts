import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionOf } from '../../graphql/connection.ts';
import { actorOf, type RequestContext } from '../../graphql/request-context.ts';
import {
  DuplicateFlagConnection,
  DuplicateFlagStatusEnum,
  DuplicateFlagType,
  DuplicateResolutionEnum,
  toDuplicateFlagType,
} from './duplicate-flag.type.ts';
import { loadPerson } from './person.loaders.ts';
import { PersonType } from './person.type.ts';

@Resolver(() => DuplicateFlagType)
export class DuplicateFlagResolver {
  @Query(() => DuplicateFlagConnection, {
    description:
      '疑似重复登记，县级核查（其他辖区为空）/ Suspected duplicates for county review (empty for other scopes)',
  })
  async duplicateFlags(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('status', () => DuplicateFlagStatusEnum, { nullable: true }) status: DuplicateFlagStatusEnum | null,
    @Ctx() ctx: RequestContext,
  ): Promise<DuplicateFlagConnection> {
    const page = await ctx.services.duplicateFlags.list(actorOf(ctx), { first, after }, status ?? null);
    return connectionOf(page, after, toDuplicateFlagType);
  }

  @Mutation(() => DuplicateFlagType, {
    description: '核查疑似重复（县级管理员）/ Resolve a duplicate flag (county admin)',
  })
  async resolveDuplicateFlag(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => DuplicateResolutionEnum) status: DuplicateResolutionEnum,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<DuplicateFlagType> {
    return toDuplicateFlagType(
      await ctx.services.duplicateFlags.resolve(actorOf(ctx), id, status, note ?? null),
    );
  }

  @FieldResolver(() => PersonType, { nullable: true })
  async personA(@Root() flag: DuplicateFlagType, @Ctx() ctx: RequestContext): Promise<PersonType | null> {
    return loadPerson(ctx, flag.personAId);
  }

  @FieldResolver(() => PersonType, { nullable: true })
  async personB(@Root() flag: DuplicateFlagType, @Ctx() ctx: RequestContext): Promise<PersonType | null> {
    return loadPerson(ctx, flag.personBId);
  }
}

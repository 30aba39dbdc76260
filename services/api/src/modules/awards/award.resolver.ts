import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionOf } from '../../graphql/connection.ts';
import { actorOf, type RequestContext } from '../../graphql/request-context.ts';
import { loadPerson } from '../persons/person.loaders.ts';
import { PersonType } from '../persons/person.type.ts';
import { loadRegion } from '../regions/region.loader.ts';
import { RegionType } from '../regions/region.type.ts';
import {
  AddAwardRecipientInput,
  AwardRecipientInput,
  AwardRoundFilterInput,
  AwardRoundInput,
  CreateAwardRoundInput,
} from './award.inputs.ts';
import type { AwardRecipientView, AwardRoundView } from './award.service.ts';
import {
  type AwardCategoryEnum,
  AwardRecipientType,
  AwardRoundConnection,
  AwardRoundType,
} from './award.type.ts';
import type { AwardRecipientFields, AwardRoundFields } from './award.validation.ts';

function toRoundType(view: AwardRoundView): AwardRoundType {
  const { regionPath: _regionPath, ...fields } = view;
  return fields;
}

function toRecipientType(view: AwardRecipientView): AwardRecipientType {
  return { ...view, category: view.category as AwardCategoryEnum };
}

function roundFields(input: AwardRoundInput): AwardRoundFields {
  return {
    title: input.title,
    year: input.year,
    issuingBody: input.issuingBody,
    documentNumber: input.documentNumber,
    issuedOn: input.issuedOn,
  };
}

function recipientFields(input: AwardRecipientInput): AwardRecipientFields {
  return {
    category: input.category,
    citation: input.citation,
    prizeFen: input.prizeFen ?? null,
    namePublicationConsent: input.namePublicationConsent ?? false,
    consentRecordedOn: input.consentRecordedOn ?? null,
  };
}

@Resolver(() => AwardRoundType)
export class AwardRoundResolver {
  @Query(() => AwardRoundType, { description: '一次表彰 / One commendation round' })
  async awardRound(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<AwardRoundType> {
    return toRoundType(await ctx.services.awards.getRound(actorOf(ctx), id));
  }

  @Query(() => AwardRoundConnection, {
    description: '表彰列表，按发文日期倒序 / Commendation rounds, latest issued first',
  })
  async awardRounds(
    @Arg('first', () => Int, { nullable: true, description: '每页条数，最多 100 / Page size, at most 100' })
    first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => AwardRoundFilterInput, { nullable: true }) filter: AwardRoundFilterInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<AwardRoundConnection> {
    const page = await ctx.services.awards.listRounds(actorOf(ctx), { first, after }, filter ?? {});
    return connectionOf(page, after, toRoundType);
  }

  @FieldResolver(() => RegionType, { nullable: true, description: '发起区划 / Issuing region' })
  async region(@Root() round: AwardRoundType, @Ctx() ctx: RequestContext): Promise<RegionType | null> {
    return loadRegion(ctx, round.regionId);
  }

  @FieldResolver(() => [AwardRecipientType], {
    description: '获表彰对象：先进集体在前 / Recipients, advanced units first',
  })
  async recipients(@Root() round: AwardRoundType, @Ctx() ctx: RequestContext): Promise<AwardRecipientType[]> {
    const actor = actorOf(ctx);
    const rows = await ctx.loaders
      .get('award.recipients', (ids) => ctx.services.awards.recipientsOf(actor, ids))
      .load(round.id);
    return rows.map(toRecipientType);
  }

  @Mutation(() => AwardRoundType, {
    description: '新建表彰（县、乡镇管理员）/ Create a commendation round (county and township admins)',
  })
  async createAwardRound(
    @Arg('input', () => CreateAwardRoundInput) input: CreateAwardRoundInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AwardRoundType> {
    return toRoundType(
      await ctx.services.awards.createRound(actorOf(ctx), {
        ...roundFields(input),
        regionCode: input.regionCode,
      }),
    );
  }

  @Mutation(() => AwardRoundType, { description: '修改表彰 / Edit a commendation round' })
  async updateAwardRound(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => AwardRoundInput) input: AwardRoundInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AwardRoundType> {
    return toRoundType(
      await ctx.services.awards.updateRound(actorOf(ctx), id, expectedVersion, roundFields(input)),
    );
  }

  @Mutation(() => AwardRecipientType, {
    description: '新增获表彰对象（协会或人员）/ Add a recipient (an association or a person) to a round',
  })
  async addAwardRecipient(
    @Arg('input', () => AddAwardRecipientInput) input: AddAwardRecipientInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AwardRecipientType> {
    return toRecipientType(
      await ctx.services.awards.addRecipient(actorOf(ctx), {
        ...recipientFields(input),
        roundId: input.roundId,
        associationId: input.associationId ?? null,
        personId: input.personId ?? null,
      }),
    );
  }

  @Mutation(() => AwardRecipientType, { description: '修改获表彰对象 / Edit a recipient' })
  async updateAwardRecipient(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => AwardRecipientInput) input: AwardRecipientInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AwardRecipientType> {
    return toRecipientType(
      await ctx.services.awards.updateRecipient(actorOf(ctx), id, expectedVersion, recipientFields(input)),
    );
  }

  @Mutation(() => AwardRoundType, {
    description:
      '移除获表彰对象，返回表彰及新合计 / Remove a recipient; answers the round with its new totals',
  })
  async removeAwardRecipient(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ): Promise<AwardRoundType> {
    return toRoundType(await ctx.services.awards.removeRecipient(actorOf(ctx), id, expectedVersion));
  }
}

@Resolver(() => AwardRecipientType)
export class AwardRecipientResolver {
  @FieldResolver(() => RegionType, {
    nullable: true,
    description: '协会所在或人员户籍区划 / Region of the association, or where the person is registered',
  })
  async region(
    @Root() recipient: AwardRecipientType,
    @Ctx() ctx: RequestContext,
  ): Promise<RegionType | null> {
    return loadRegion(ctx, recipient.regionId);
  }

  @FieldResolver(() => PersonType, {
    nullable: true,
    description: '获表彰的人员（身份证号、手机号脱敏）/ The person commended (ID and phone masked)',
  })
  async person(
    @Root() recipient: AwardRecipientType,
    @Ctx() ctx: RequestContext,
  ): Promise<PersonType | null> {
    return recipient.personId ? loadPerson(ctx, recipient.personId) : null;
  }
}

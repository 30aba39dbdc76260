import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { actorOf, type RequestContext } from '../../graphql/request-context.ts';
import type { RoleEnum } from '../identity/identity.type.ts';
import { toRegionType } from '../regions/region.type.ts';
import type { DisclosureView } from './disclosure.service.ts';
import { DisclosureInput, DisclosureType, type PageKindEnum, PublicationRunType } from './disclosure.type.ts';

function toDisclosureType(view: DisclosureView, viewerId: string): DisclosureType {
  return {
    id: view.id,
    slug: view.slug,
    name: view.name,
    description: view.description,
    region: toRegionType(view.region),
    pageKind: view.pageKind as PageKindEnum,
    document: view.document,
    documentSha256: view.documentSha256,
    parameters: view.parameters,
    outputFields: view.outputFields,
    draftedAt: view.draftedAt,
    draftedByViewer: view.draftedBy === viewerId,
    approvedRole: view.approvedRole as RoleEnum | null,
    approvedRegionName: view.approvedRegionName ?? null,
    approvedSha256: view.approvedSha256 ?? null,
    approvedAt: view.approvedAt ?? null,
    runnable: view.runnable,
    version: view.version,
  };
}

@Resolver()
export class DisclosureResolver {
  @Query(() => [DisclosureType], { description: '公开事项 / Disclosures in your jurisdiction' })
  async disclosures(@Ctx() ctx: RequestContext): Promise<DisclosureType[]> {
    const actor = actorOf(ctx);
    return (await ctx.services.disclosures.list(actor)).map((d) => toDisclosureType(d, actor.user.id));
  }

  @Query(() => DisclosureType)
  async disclosure(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<DisclosureType> {
    const actor = actorOf(ctx);
    return toDisclosureType(await ctx.services.disclosures.get(actor, id), actor.user.id);
  }

  @Mutation(() => DisclosureType, { description: '起草公开事项 / Draft a disclosure' })
  async createDisclosure(
    @Arg('input', () => DisclosureInput) input: DisclosureInput,
    @Ctx() ctx: RequestContext,
  ): Promise<DisclosureType> {
    const actor = actorOf(ctx);
    return toDisclosureType(
      await ctx.services.disclosures.create(actor, { ...input, parameters: input.parameters ?? {} }),
      actor.user.id,
    );
  }

  @Mutation(() => DisclosureType, {
    description: '修改公开事项；修改查询会撤销批准 / Edit; changing what runs revokes the approval',
  })
  async updateDisclosure(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => DisclosureInput) input: DisclosureInput,
    @Ctx() ctx: RequestContext,
  ): Promise<DisclosureType> {
    const actor = actorOf(ctx);
    return toDisclosureType(
      await ctx.services.disclosures.update(
        actor,
        id,
        { ...input, parameters: input.parameters ?? {} },
        expectedVersion,
      ),
      actor.user.id,
    );
  }

  @Mutation(() => DisclosureType, {
    description: '批准（须非起草人）/ Approve the text you reviewed (not your own draft)',
  })
  async approveDisclosure(
    @Arg('id', () => ID) id: string,
    @Arg('documentSha256', () => String) documentSha256: string,
    @Ctx() ctx: RequestContext,
  ): Promise<DisclosureType> {
    const actor = actorOf(ctx);
    return toDisclosureType(await ctx.services.disclosures.approve(actor, id, documentSha256), actor.user.id);
  }

  @Mutation(() => PublicationRunType, { description: '运行发布 / Run the approved disclosures' })
  async runPublication(
    @Arg('regionCode', () => String, { nullable: true }) regionCode: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<PublicationRunType> {
    const result = await ctx.services.publications.run(actorOf(ctx), regionCode ?? undefined);
    return { id: result.runId, runAt: result.runAt, datasets: result.datasets };
  }
}

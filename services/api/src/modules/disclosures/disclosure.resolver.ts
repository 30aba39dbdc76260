import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { actorOf, type RequestContext } from '../../graphql/request-context.ts';
import type { RoleEnum } from '../identity/identity.type.ts';
import { toRegionType } from '../regions/region.type.ts';
import type { DisclosureView } from './disclosure.service.ts';
import {
  DisclosureInput,
  DisclosurePreviewType,
  DisclosureReleaseType,
  DisclosureType,
  type PageKindEnum,
  PublicationRunType,
} from './disclosure.type.ts';

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
    policy: { k: view.policy.k, sensitiveK: view.policy.sensitiveK },
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

  @Query(() => [DisclosureReleaseType], {
    description:
      '公开事项的发布历史（新的在前），含差异 / Releases of a disclosure, newest first, with diffs',
  })
  async disclosureReleases(
    @Arg('disclosureId', () => ID) disclosureId: string,
    @Arg('limit', () => Int, { defaultValue: 50, description: '最多条数（1–200）/ At most this many' })
    limit: number,
    @Ctx() ctx: RequestContext,
  ): Promise<DisclosureReleaseType[]> {
    const releases = await ctx.services.publications.releases(actorOf(ctx), disclosureId, limit);
    return releases.map((release) => ({
      runId: release.runId,
      runAt: new Date(release.runAt),
      previousRunId: release.previousRunId,
      documentSha256: release.documentSha256,
      datasetSha256: release.datasetSha256,
      rowCount: release.rowCount,
      policy: { k: release.policy.k, sensitiveK: release.policy.sensitiveK },
      diff: release.diff,
    }));
  }

  @Query(() => DisclosurePreviewType, {
    description:
      '试运行公开事项：只读、回滚、不保存，返回去标识化数据集及与上次发布的差异 / Dry-run a disclosure: read-only, rolled back',
  })
  async previewDisclosure(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<DisclosurePreviewType> {
    const preview = await ctx.services.publications.preview(actorOf(ctx), id);
    return {
      asOf: preview.asOf,
      rowCount: preview.rowCount,
      dataset: preview.dataset,
      diff: preview.diff,
      isolationFindings: preview.findings,
      refusal: preview.refusal,
    };
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

import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { connectionOf } from '../../graphql/connection.ts';
import { actorOf, type RequestContext } from '../../graphql/request-context.ts';
import { toRegionType } from '../regions/region.type.ts';
import { PolicyFilterInput, PolicyInput, PolicyOrderInput } from './policy.inputs.ts';
import type { PolicyView } from './policy.service.ts';
import {
  type PolicyCategoryEnum,
  PolicyConnection,
  type PolicyStatusEnum,
  PolicyType,
} from './policy.type.ts';
import type { PolicyFields } from './policy.validation.ts';

function toPolicyType(view: PolicyView): PolicyType {
  return {
    ...view,
    region: toRegionType(view.region),
    category: view.category as PolicyCategoryEnum,
    status: view.status as PolicyStatusEnum,
  };
}

function toFields(input: PolicyInput): PolicyFields {
  return {
    title: input.title,
    documentNumber: input.documentNumber,
    issuingBody: input.issuingBody,
    regionCode: input.regionCode,
    category: input.category,
    issueDate: input.issueDate,
    effectiveDate: input.effectiveDate ?? null,
    expiryDate: input.expiryDate ?? null,
    bodyMarkdown: input.bodyMarkdown,
    attachments: input.attachments.map((a) => ({
      fileName: a.fileName,
      mediaType: a.mediaType,
      byteSize: a.byteSize,
    })),
  };
}

@Resolver()
export class PolicyResolver {
  @Query(() => String, {
    description:
      '正文预览：与门户网站相同的渲染，原始 HTML 按文字显示 / Body preview: rendered as the portal renders it, raw HTML shown as text',
  })
  policyPreview(@Arg('bodyMarkdown', () => String) bodyMarkdown: string, @Ctx() ctx: RequestContext): string {
    return ctx.services.policies.preview(actorOf(ctx), bodyMarkdown);
  }

  @Query(() => PolicyType, { description: '一份政策文件 / One policy' })
  async policy(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<PolicyType> {
    return toPolicyType(await ctx.services.policies.get(actorOf(ctx), id));
  }

  @Query(() => PolicyConnection, { description: '政策文件列表 / Policies, newest first by default' })
  async policies(
    @Arg('first', () => Int, { nullable: true, description: '每页条数，最多 100 / Page size, at most 100' })
    first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => PolicyFilterInput, { nullable: true }) filter: PolicyFilterInput | null,
    @Arg('orderBy', () => PolicyOrderInput, { nullable: true }) orderBy: PolicyOrderInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<PolicyConnection> {
    const page = await ctx.services.policies.list(
      actorOf(ctx),
      { first, after },
      filter ?? {},
      orderBy ?? { field: 'ISSUE_DATE', direction: 'DESC' },
    );
    return connectionOf(page, after, toPolicyType);
  }

  @Mutation(() => PolicyType, { description: '起草政策文件 / Draft a policy' })
  async createPolicy(
    @Arg('input', () => PolicyInput) input: PolicyInput,
    @Ctx() ctx: RequestContext,
  ): Promise<PolicyType> {
    return toPolicyType(await ctx.services.policies.create(actorOf(ctx), toFields(input)));
  }

  @Mutation(() => PolicyType, { description: '修改政策文件 / Edit a policy' })
  async updatePolicy(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => PolicyInput) input: PolicyInput,
    @Ctx() ctx: RequestContext,
  ): Promise<PolicyType> {
    return toPolicyType(
      await ctx.services.policies.update(actorOf(ctx), id, toFields(input), expectedVersion),
    );
  }

  @Mutation(() => PolicyType, { description: '发布 / Publish a draft' })
  async publishPolicy(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ): Promise<PolicyType> {
    return toPolicyType(await ctx.services.policies.publish(actorOf(ctx), id, expectedVersion));
  }

  @Mutation(() => PolicyType, { description: '撤回 / Withdraw a published policy' })
  async withdrawPolicy(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<PolicyType> {
    return toPolicyType(await ctx.services.policies.withdraw(actorOf(ctx), id, expectedVersion, reason));
  }
}

import '../../reflect-metadata.ts';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RoleEnum } from '../identity/identity.type.ts';
import { RegionType } from '../regions/region.type.ts';

export enum PageKindEnum {
  NOTICE_LIST = 'NOTICE_LIST',
  RECIPIENT_LIST = 'RECIPIENT_LIST',
  TOTALS_TABLE = 'TOTALS_TABLE',
  CHART = 'CHART',
}
registerEnumType(PageKindEnum, { name: 'PageKind', description: '门户页面类型 / Portal page kind' });

@ObjectType('DisclosurePolicy', {
  description: '去标识化策略：小格抑制门槛 / De-identification policy: small-cell thresholds',
  simpleResolvers: true,
})
export class DisclosurePolicyType {
  @Field(() => Int, { description: '一般项目最少公开人数（≥5）/ Smallest publishable count of people (≥ 5)' })
  k!: number;

  @Field(() => Int, {
    description:
      '特殊家庭项目最少公开人数（≥10，且不低于 k）/ The same for sensitive programs (≥ 10, and not below k)',
  })
  sensitiveK!: number;
}

@InputType('DisclosurePolicyInput')
export class DisclosurePolicyInput {
  @Field(() => Int, { defaultValue: 5 })
  k!: number;

  @Field(() => Int, { defaultValue: 10 })
  sensitiveK!: number;
}

@ObjectType('Disclosure', {
  description: '公开事项 / A disclosure: an approved query over the public schema',
})
export class DisclosureType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  slug!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  description!: string;

  @Field(() => RegionType)
  region!: RegionType;

  @Field(() => PageKindEnum)
  pageKind!: PageKindEnum;

  @Field(() => String, { description: '公开数据结构上的 GraphQL 查询 / GraphQL over the public read schema' })
  document!: string;

  @Field(() => String)
  documentSha256!: string;

  @Field(() => GraphQLJSONObject)
  parameters!: Record<string, unknown>;

  @Field(() => [String], { description: '输出字段白名单 / Output field allowlist' })
  outputFields!: string[];

  @Field(() => DisclosurePolicyType, {
    description: '去标识化策略，随查询一并批准 / De-identification policy, approved with the query',
  })
  policy!: DisclosurePolicyType;

  @Field(() => Date)
  draftedAt!: Date;

  @Field(() => Boolean, { description: '起草人是否为当前用户 / Whether you drafted it' })
  draftedByViewer!: boolean;

  @Field(() => RoleEnum, { nullable: true })
  approvedRole!: RoleEnum | null;

  @Field(() => String, { nullable: true })
  approvedRegionName!: string | null;

  @Field(() => String, { nullable: true, description: '批准时锁定的查询哈希 / Hash pinned at approval' })
  approvedSha256!: string | null;

  @Field(() => Date, { nullable: true })
  approvedAt!: Date | null;

  @Field(() => Boolean, { description: '已批准且文本未变 / Approved and unchanged since' })
  runnable!: boolean;

  @Field(() => Int)
  version!: number;
}

@InputType('DisclosureInput')
export class DisclosureInput {
  @Field(() => String)
  slug!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { defaultValue: '' })
  description!: string;

  @Field(() => String)
  regionCode!: string;

  @Field(() => PageKindEnum)
  pageKind!: PageKindEnum;

  @Field(() => String)
  document!: string;

  @Field(() => GraphQLJSONObject, { nullable: true, description: '查询变量 / Query variables' })
  parameters?: Record<string, unknown> | null;

  @Field(() => [String])
  outputFields!: string[];

  @Field(() => DisclosurePolicyInput, {
    nullable: true,
    description:
      '去标识化策略；新建时默认 k=5、特殊家庭项目 10，修改时不填则保持不变；修改策略会撤销批准 / Policy; defaults to k 5, sensitive 10 on create, unchanged on update when absent; changing it revokes the approval',
  })
  policy?: DisclosurePolicyInput | null;
}

@ObjectType('PublishedDataset')
export class PublishedDatasetType {
  @Field(() => ID)
  disclosureId!: string;

  @Field(() => String)
  slug!: string;

  @Field(() => Int)
  rowCount!: number;

  @Field(() => String)
  datasetSha256!: string;
}

@ObjectType('PublicationRun', { description: '一次发布运行 / A publication run' })
export class PublicationRunType {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  runAt!: Date;

  @Field(() => [PublishedDatasetType])
  datasets!: PublishedDatasetType[];
}

@ObjectType('DisclosureRelease', {
  description: '公开事项的一次发布及其与上一次的差异 / One release of a disclosure and its diff',
  simpleResolvers: true,
})
export class DisclosureReleaseType {
  @Field(() => ID)
  runId!: string;

  @Field(() => Date)
  runAt!: Date;

  @Field(() => ID, { nullable: true, description: '上一次发布 / The release compared with' })
  previousRunId!: string | null;

  @Field(() => String)
  documentSha256!: string;

  @Field(() => String)
  datasetSha256!: string;

  @Field(() => Int)
  rowCount!: number;

  @Field(() => DisclosurePolicyType)
  policy!: DisclosurePolicyType;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      '与上一次发布的差异（新增、删除、变动及原因）/ Diff against the previous release: added, removed, changed, reasons',
  })
  diff!: Record<string, unknown> | null;
}

@ObjectType('IsolationFinding', {
  description:
    '与上一次发布对照可能识别到个人之处 / Where this release, read with the previous, singles people out',
  simpleResolvers: true,
})
export class IsolationFindingType {
  @Field(() => String, { description: 'SMALL_MOVE_WITH_REASON | SMALL_REASON | SUPPRESSION_LIFTED' })
  kind!: string;

  @Field(() => String, { nullable: true, description: '列 / Column' })
  field!: string | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: '行键；点名名单为空 / Row key; null for a names list',
  })
  key!: Record<string, unknown> | null;
}

@ObjectType('DisclosurePreview', {
  description: '试运行（只读并回滚，不保存）/ A dry run: read-only, rolled back, nothing stored',
  simpleResolvers: true,
})
export class DisclosurePreviewType {
  @Field(() => String, { description: '运行日期（中国）/ The run date in China' })
  asOf!: string;

  @Field(() => Int)
  rowCount!: number;

  @Field(() => GraphQLJSONObject, { description: '去标识化后的数据集 / The de-identified dataset' })
  dataset!: Record<string, unknown>;

  @Field(() => GraphQLJSONObject, { description: '与上一次发布的差异 / Diff against the last release' })
  diff!: Record<string, unknown>;

  @Field(() => [IsolationFindingType])
  isolationFindings!: IsolationFindingType[];

  @Field(() => String, {
    nullable: true,
    description: '正式运行会给出的拒绝理由；为空则可发布 / The refusal a run would give, or null',
  })
  refusal!: string | null;
}

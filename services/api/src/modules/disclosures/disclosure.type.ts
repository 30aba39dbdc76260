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

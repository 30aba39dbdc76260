import '../../reflect-metadata.ts';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../graphql/page-info.type.ts';
import { RegionType } from '../regions/region.type.ts';

export enum PolicyCategoryEnum {
  ASSISTANCE = 'ASSISTANCE',
  ASSOCIATION_WORK = 'ASSOCIATION_WORK',
  HEALTH_SERVICE = 'HEALTH_SERVICE',
  PUBLICITY = 'PUBLICITY',
  NOTICE = 'NOTICE',
}
registerEnumType(PolicyCategoryEnum, {
  name: 'PolicyCategory',
  description: '政策文件类别 / Policy category',
});

export enum PolicyStatusEnum {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(PolicyStatusEnum, { name: 'PolicyStatus', description: '草稿 / 已发布 / 已撤回' });

@ObjectType('PolicyAttachment', { description: '附件元数据 / Attachment metadata' })
export class PolicyAttachmentType {
  @Field(() => String)
  fileName!: string;

  @Field(() => String)
  mediaType!: string;

  @Field(() => Int)
  byteSize!: number;
}

@ObjectType('Policy', { description: '政策文件 / Policy notice' })
export class PolicyType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: '文号 / Document number, e.g. 青计协〔2024〕5号' })
  documentNumber!: string;

  @Field(() => String)
  issuingBody!: string;

  @Field(() => RegionType)
  region!: RegionType;

  @Field(() => PolicyCategoryEnum)
  category!: PolicyCategoryEnum;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  issueDate!: string;

  @Field(() => String, { nullable: true })
  effectiveDate!: string | null;

  @Field(() => String, { nullable: true })
  expiryDate!: string | null;

  @Field(() => String)
  bodyMarkdown!: string;

  @Field(() => [PolicyAttachmentType])
  attachments!: PolicyAttachmentType[];

  @Field(() => PolicyStatusEnum)
  status!: PolicyStatusEnum;

  @Field(() => String, { nullable: true })
  withdrawalReason!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  withdrawnAt!: Date | null;

  @Field(() => Int, { description: '乐观锁版本号 / Version for optimistic locking' })
  version!: number;
}

@ObjectType('PolicyEdge')
export class PolicyEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => PolicyType)
  node!: PolicyType;
}

@ObjectType('PolicyConnection')
export class PolicyConnection {
  @Field(() => [PolicyEdge])
  edges!: PolicyEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

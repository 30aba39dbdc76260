import '../reflect-metadata.ts';
import { Field, ID, Int, ObjectType } from 'type-graphql';

// Descriptions here become the data dictionary of every published dataset: write them for residents.

@ObjectType('PublicRegion', { description: '行政区划（公开）' })
export class PublicRegion {
  @Field(() => String, { description: '12 位统计用区划代码' })
  code!: string;

  @Field(() => String, { description: '区划名称' })
  name!: string;

  @Field(() => String, { description: '层级：COUNTY 县、TOWNSHIP 乡镇、VILLAGE 村（社区）' })
  level!: string;
}

@ObjectType('PublicPolicyAttachment', { description: '附件信息（仅元数据）' })
export class PublicPolicyAttachment {
  @Field(() => String, { description: '附件文件名' })
  fileName!: string;

  @Field(() => String, { description: '附件类型（MIME）' })
  mediaType!: string;

  @Field(() => Int, { description: '附件大小（字节）' })
  byteSize!: number;
}

@ObjectType('PublicPolicy', { description: '已发布的政策文件' })
export class PublicPolicy {
  @Field(() => ID, { description: '文件编号（系统内唯一标识）' })
  id!: string;

  @Field(() => String, { description: '标题' })
  title!: string;

  @Field(() => String, { description: '文号' })
  documentNumber!: string;

  @Field(() => String, { description: '发文机关' })
  issuingBody!: string;

  @Field(() => String, { description: '类别代码' })
  category!: string;

  @Field(() => String, { description: '类别名称' })
  categoryLabel!: string;

  @Field(() => String, { description: '发文日期（YYYY-MM-DD）' })
  issueDate!: string;

  @Field(() => String, { nullable: true, description: '生效日期（YYYY-MM-DD），未填写则自发文之日起生效' })
  effectiveDate!: string | null;

  @Field(() => String, { nullable: true, description: '失效日期（YYYY-MM-DD），未填写则长期有效' })
  expiryDate!: string | null;

  @Field(() => String, { description: '正文（Markdown 格式）' })
  bodyMarkdown!: string;

  @Field(() => [PublicPolicyAttachment], { description: '附件列表' })
  attachments!: PublicPolicyAttachment[];

  @Field(() => PublicRegion, { description: '所属行政区划' })
  region!: PublicRegion;

  @Field(() => String, { description: '发布时间（ISO 8601）' })
  publishedAt!: string;
}

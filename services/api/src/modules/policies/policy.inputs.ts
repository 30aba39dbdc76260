import '../../reflect-metadata.ts';
import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { PolicyCategoryEnum, PolicyStatusEnum } from './policy.type.ts';

@InputType('PolicyAttachmentInput')
export class PolicyAttachmentInput {
  @Field(() => String)
  fileName!: string;

  @Field(() => String)
  mediaType!: string;

  @Field(() => Int)
  byteSize!: number;
}

@InputType('PolicyInput', { description: '政策文件内容 / Policy fields' })
export class PolicyInput {
  @Field(() => String)
  title!: string;

  @Field(() => String)
  documentNumber!: string;

  @Field(() => String)
  issuingBody!: string;

  @Field(() => String, { description: '所属区划代码 / Region code' })
  regionCode!: string;

  @Field(() => PolicyCategoryEnum)
  category!: PolicyCategoryEnum;

  @Field(() => String)
  issueDate!: string;

  @Field(() => String, { nullable: true })
  effectiveDate?: string | null;

  @Field(() => String, { nullable: true })
  expiryDate?: string | null;

  @Field(() => String)
  bodyMarkdown!: string;

  @Field(() => [PolicyAttachmentInput], { defaultValue: [] })
  attachments!: PolicyAttachmentInput[];
}

@InputType('PolicyFilter')
export class PolicyFilterInput {
  @Field(() => PolicyStatusEnum, { nullable: true })
  status?: PolicyStatusEnum | null;

  @Field(() => PolicyCategoryEnum, { nullable: true })
  category?: PolicyCategoryEnum | null;

  @Field(() => String, { nullable: true, description: '区划及其下级 / This region and below' })
  regionCode?: string | null;

  @Field(() => String, { nullable: true, description: '标题、文号或发文机关 / Title, number or issuer' })
  search?: string | null;

  @Field(() => String, { nullable: true })
  issuedFrom?: string | null;

  @Field(() => String, { nullable: true })
  issuedTo?: string | null;
}

export enum PolicySortFieldEnum {
  ISSUE_DATE = 'ISSUE_DATE',
  UPDATED_AT = 'UPDATED_AT',
  TITLE = 'TITLE',
}
registerEnumType(PolicySortFieldEnum, { name: 'PolicySortField' });

export enum SortDirectionEnum {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirectionEnum, { name: 'SortDirection' });

@InputType('PolicyOrder')
export class PolicyOrderInput {
  @Field(() => PolicySortFieldEnum)
  field!: PolicySortFieldEnum;

  @Field(() => SortDirectionEnum)
  direction!: SortDirectionEnum;
}

import '../reflect-metadata.ts';
import { Extensions, Field, Int, ObjectType } from 'type-graphql';
import { PublicRegion } from './public-policy.type.ts';

// Descriptions here become the data dictionary of the published dataset: written for residents.

@ObjectType('PublicAssociationStatistic', {
  description: '计生协会统计：每个地区（县、乡镇、村）的协会个数、示范和先进协会个数、会员人数，含下级地区',
  simpleResolvers: true,
})
export class PublicAssociationStatistic {
  @Field(() => PublicRegion, { description: '统计的地区（含其下级地区）' })
  region!: PublicRegion;

  @Field(() => String, { nullable: true, description: '上一级地区的区划代码；县为空' })
  parentCode!: string | null;

  @Field(() => Int, { description: '计生协会个数（含企业、流动人口计生协会）' })
  associationCount!: number;

  @Field(() => Int, { description: '其中示范协会个数' })
  modelCount!: number;

  @Field(() => Int, { description: '其中先进协会个数' })
  advancedCount!: number;

  @Extensions({ disclosure: { kind: 'PERSON_COUNT' } })
  @Field(() => Int, {
    nullable: true,
    description: '现有会员人数（同一人加入多个协会只计一次，计入最基层的协会所在地）；不予公开时为空',
  })
  memberCount!: number | null;

  @Field(() => Boolean, { description: '会员人数是否因保护个人隐私而不予公开' })
  suppressed!: boolean;

  @Extensions({ disclosure: { kind: 'SUPPRESSION_NOTE' } })
  @Field(() => String, { nullable: true, description: '会员人数不予公开的原因；已公开时为空' })
  suppressionReason!: string | null;
}

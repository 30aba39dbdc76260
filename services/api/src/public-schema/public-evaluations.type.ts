import '../reflect-metadata.ts';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PublicRegion } from './public-policy.type.ts';

// Descriptions here become the data dictionary of the published dataset: written for residents.

@ObjectType('PublicEvaluatedAssociation', { description: '被评估的计生协会', simpleResolvers: true })
export class PublicEvaluatedAssociation {
  @Field(() => String, { description: '协会代码' })
  code!: string;

  @Field(() => String, { description: '协会名称' })
  name!: string;
}

@ObjectType('PublicEvaluationResult', {
  description: '计生协会评估认定结果：逐项检查，一项不合格即为不合格，不合格的须限期整改并重新评估',
  simpleResolvers: true,
})
export class PublicEvaluationResult {
  @Field(() => ID, { description: '评估记录编号（系统内唯一标识）' })
  id!: string;

  @Field(() => PublicEvaluatedAssociation, { description: '被评估的协会' })
  association!: PublicEvaluatedAssociation;

  @Field(() => PublicRegion, { description: '协会所在地区' })
  region!: PublicRegion;

  @Field(() => String, { description: '评估日期（YYYY-MM-DD）' })
  evaluatedOn!: string;

  @Field(() => Boolean, { description: '是否合格（所有检查项均合格才算合格）' })
  passed!: boolean;

  @Field(() => Int, { nullable: true, description: '评估得分（0–100）；未打分为空' })
  score!: number | null;

  @Field(() => String, { nullable: true, description: '整改期限（YYYY-MM-DD）；合格的为空' })
  rectificationDeadline!: string | null;

  @Field(() => Boolean, { description: '是否为整改后的重新评估' })
  reEvaluation!: boolean;
}

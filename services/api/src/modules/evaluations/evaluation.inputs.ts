import '../../reflect-metadata.ts';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { SortDirectionEnum } from '../policies/policy.inputs.ts';

@InputType('EvaluationItemInput', { description: '一项评估结果 / The finding on one checklist item' })
export class EvaluationItemInput {
  @Field(() => String, { description: '评估标准中的项目代码 / Checklist item code' })
  code!: string;

  @Field(() => Boolean)
  passed!: boolean;

  @Field(() => String, { nullable: true, description: '说明，最多 500 字 / Note, at most 500 characters' })
  note?: string | null;
}

@InputType('ReEvaluationInput', { description: '复评结果 / Findings of a re-evaluation' })
export class ReEvaluationInput {
  @Field(() => String, { description: '评估日期 YYYY-MM-DD，不晚于今天 / Evaluated on, not in the future' })
  evaluatedOn!: string;

  @Field(() => [EvaluationItemInput], {
    description: '评估标准每一项各答一次 / Every checklist item answered exactly once',
  })
  items!: EvaluationItemInput[];

  @Field(() => Int, { nullable: true, description: '得分 0–100 / Score' })
  score?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      '整改期限，有项目未通过时必填且晚于评估日期 / Required, after the evaluation date, when an item failed',
  })
  rectificationDeadline?: string | null;
}

@InputType('EvaluationInput', { description: '评估结果 / Findings of an evaluation' })
export class EvaluationInput extends ReEvaluationInput {
  @Field(() => ID, { description: '被评估的协会（须为下级协会）/ The association, below your own level' })
  associationId!: string;
}

@InputType('EvaluationFilter')
export class EvaluationFilterInput {
  @Field(() => ID, { nullable: true })
  associationId?: string | null;

  @Field(() => String, { nullable: true, description: '区划及其下级 / This region and below' })
  regionCode?: string | null;

  @Field(() => Boolean, { nullable: true })
  passed?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true：未通过且尚未复评；false：其余 / true: failed and not yet re-evaluated; false: the rest',
  })
  rectificationDue?: boolean | null;

  @Field(() => Int, { nullable: true, description: '评估年份 / Year evaluated' })
  year?: number | null;
}

export enum EvaluationSortFieldEnum {
  EVALUATED_ON = 'EVALUATED_ON',
  CREATED = 'CREATED',
}
registerEnumType(EvaluationSortFieldEnum, { name: 'EvaluationSortField' });

@InputType('EvaluationOrder')
export class EvaluationOrderInput {
  @Field(() => EvaluationSortFieldEnum)
  field!: EvaluationSortFieldEnum;

  @Field(() => SortDirectionEnum)
  direction!: SortDirectionEnum;
}

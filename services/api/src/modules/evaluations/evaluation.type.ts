import '../../reflect-metadata.ts';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../graphql/page-info.type.ts';
import { RoleEnum } from '../identity/identity.type.ts';
import { RegionType } from '../regions/region.type.ts';

@ObjectType('ChecklistItem', {
  description: '评估标准中的一项 / One item of the evaluation checklist',
  simpleResolvers: true,
})
export class ChecklistItemType {
  @Field(() => String, { description: '项目代码 / Item code' })
  code!: string;

  @Field(() => String)
  labelZh!: string;

  @Field(() => String)
  labelEn!: string;
}

@ObjectType('EvaluationItem', {
  description: '一项评估结果 / The finding on one checklist item',
  simpleResolvers: true,
})
export class EvaluationItemType {
  @Field(() => String, { description: '项目代码 / Item code' })
  code!: string;

  @Field(() => String)
  labelZh!: string;

  @Field(() => String)
  labelEn!: string;

  @Field(() => Boolean)
  passed!: boolean;

  @Field(() => String, { nullable: true, description: '评估说明 / Note' })
  note!: string | null;
}

@ObjectType('Evaluator', {
  description: '评估人的姓名、角色与所在区划 / Name, role and region of the admin who evaluated',
  simpleResolvers: true,
})
export class EvaluatorType {
  @Field(() => String, { description: '管理员姓名 / The admin’s display name' })
  displayName!: string;

  @Field(() => RoleEnum)
  role!: RoleEnum;

  @Field(() => RegionType)
  region!: RegionType;
}

/**
 * An evaluation as admins see it. `region`, `reEvaluationOf`, `reEvaluation` and `evaluatedBy` are
 * resolved in evaluation.resolver.ts, each through a per-request loader.
 */
@ObjectType('Evaluation', {
  description: '评估认定（只增不改）/ Evaluation of an association (insert-only history)',
  simpleResolvers: true,
})
export class EvaluationType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: '被评估的协会 / The association evaluated' })
  associationId!: string;

  @Field(() => String, { description: '协会编码 / Association code' })
  associationCode!: string;

  @Field(() => String, { description: '协会名称 / Association name' })
  associationName!: string;

  @Field(() => String, { description: '评估日期 YYYY-MM-DD / Evaluated on' })
  evaluatedOn!: string;

  @Field(() => [EvaluationItemType], {
    description: '逐项结果，按评估标准顺序 / Findings in checklist order',
  })
  items!: EvaluationItemType[];

  @Field(() => Boolean, { description: '是否通过：一条否决 / Passed: only if every item passed' })
  passed!: boolean;

  @Field(() => Int, { nullable: true, description: '得分 0–100 / Score' })
  score!: number | null;

  @Field(() => String, {
    nullable: true,
    description: '整改期限（未通过时）/ Rectification deadline (when failed)',
  })
  rectificationDeadline!: string | null;

  @Field(() => Boolean, {
    description: '未通过且尚未复评 / Failed and not yet re-evaluated',
  })
  rectificationDue!: boolean;

  @Field(() => Date)
  createdAt!: Date;

  /** Not fields: keys of the field resolvers. */
  regionId!: string;
  reEvaluationOfId!: string | null;
  reEvaluationId!: string | null;
  evaluatedById!: string;
}

@ObjectType('EvaluationEdge', { simpleResolvers: true })
export class EvaluationEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => EvaluationType)
  node!: EvaluationType;
}

@ObjectType('EvaluationConnection', { simpleResolvers: true })
export class EvaluationConnection {
  @Field(() => [EvaluationEdge])
  edges!: EvaluationEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

import '../../reflect-metadata.ts';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { SortDirectionEnum } from '../policies/policy.inputs.ts';
import { fenDescription, ProjectKindEnum } from './project.type.ts';

@InputType('ProjectInput', { description: '项目内容 / Project fields' })
export class ProjectInput {
  @Field(() => ID, { description: '承办协会 / The association running it' })
  associationId!: string;

  @Field(() => ProjectKindEnum)
  kind!: ProjectKindEnum;

  @Field(() => String, { description: '项目名称，同一协会内唯一 / Name, unique within the association' })
  name!: string;

  @Field(() => String, { description: '开始日期 YYYY-MM-DD / Start date' })
  startOn!: string;

  @Field(() => String, { nullable: true, description: '结束日期 / End date' })
  endOn?: string | null;

  @Field(() => String, {
    description: fenDescription(
      '预算，非负；不接受带小数点的元',
      'Budget, not negative; yuan with a decimal point is refused',
    ),
  })
  budgetFen!: string;

  @Field(() => Int, { nullable: true, description: '帮扶户数；不填为 0 / Households helped; empty means 0' })
  householdsHelped?: number | null;

  @Field(() => String, {
    nullable: true,
    description: fenDescription(
      '受助户年均收入变化，可为负',
      'Average yearly income change of a helped household, may be negative',
      '-35000',
      '-350',
    ),
  })
  incomeChangeFen?: string | null;
}

@InputType('ProjectFilter')
export class ProjectFilterInput {
  @Field(() => ID, { nullable: true })
  associationId?: string | null;

  @Field(() => String, { nullable: true, description: '区划及其下级 / This region and below' })
  regionCode?: string | null;

  @Field(() => ProjectKindEnum, { nullable: true })
  kind?: ProjectKindEnum | null;

  @Field(() => String, {
    nullable: true,
    description: '在该日进行中的项目 YYYY-MM-DD / Projects running on that day',
  })
  activeOn?: string | null;
}

export enum ProjectSortFieldEnum {
  START_ON = 'START_ON',
  NAME = 'NAME',
  CREATED = 'CREATED',
}
registerEnumType(ProjectSortFieldEnum, { name: 'ProjectSortField' });

@InputType('ProjectOrder')
export class ProjectOrderInput {
  @Field(() => ProjectSortFieldEnum)
  field!: ProjectSortFieldEnum;

  @Field(() => SortDirectionEnum)
  direction!: SortDirectionEnum;
}

import '../../reflect-metadata.ts';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../graphql/page-info.type.ts';

export const PROJECT_KINDS = [
  'FEWER_BIRTHS_FASTER_PROSPERITY',
  'THREE_COMBINATIONS',
  'BIRTH_CARE',
  'HAPPINESS_PROJECT',
  'YOUTH_HEALTH',
] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];

export enum ProjectKindEnum {
  FEWER_BIRTHS_FASTER_PROSPERITY = 'FEWER_BIRTHS_FASTER_PROSPERITY',
  THREE_COMBINATIONS = 'THREE_COMBINATIONS',
  BIRTH_CARE = 'BIRTH_CARE',
  HAPPINESS_PROJECT = 'HAPPINESS_PROJECT',
  YOUTH_HEALTH = 'YOUTH_HEALTH',
}
registerEnumType(ProjectKindEnum, {
  name: 'ProjectKind',
  description: '项目类型 / Kind of project',
  valuesConfig: {
    FEWER_BIRTHS_FASTER_PROSPERITY: { description: '少生快富 / Fewer births, faster prosperity' },
    THREE_COMBINATIONS: { description: '计生三结合 / The "three combinations" aid' },
    BIRTH_CARE: { description: '生育关怀 / Birth care' },
    HAPPINESS_PROJECT: { description: '幸福工程 / Happiness Project' },
    YOUTH_HEALTH: { description: '青春健康 / Youth health' },
  },
});

/** How a fen amount reads in GraphQL, Chinese then English, in every description that has one. */
export function fenDescription(zh: string, en: string, example = '1250000', exampleYuan = '12,500'): string {
  return `${zh}；单位为分，十进制数字串，如 "${example}" 即 ${exampleYuan} 元 / ${en}; in fen (1/100 yuan) as a string of decimal digits, e.g. "${example}" is ${exampleYuan} yuan`;
}

/** A project as admins see it. The `region` field is resolved in project.resolver.ts. */
@ObjectType('Project', { description: '协会项目 / Project run by an association', simpleResolvers: true })
export class ProjectType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: '承办协会 / The association running it' })
  associationId!: string;

  @Field(() => String, { description: '协会编码 / Association code' })
  associationCode!: string;

  @Field(() => String, { description: '协会名称 / Association name' })
  associationName!: string;

  @Field(() => ProjectKindEnum)
  kind!: ProjectKindEnum;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: '开始日期 YYYY-MM-DD / Start date' })
  startOn!: string;

  @Field(() => String, { nullable: true, description: '结束日期（空为仍在进行）/ End date (empty: ongoing)' })
  endOn!: string | null;

  @Field(() => String, { description: fenDescription('预算', 'Budget') })
  budgetFen!: string;

  @Field(() => Int, { description: '帮扶户数 / Households helped' })
  householdsHelped!: number;

  @Field(() => String, {
    nullable: true,
    description: fenDescription(
      '受助户年均收入变化，可为负',
      'Average yearly income change of a helped household, may be negative',
      '-35000',
      '-350',
    ),
  })
  incomeChangeFen!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  @Field(() => Int, { description: '乐观锁版本号 / Version for optimistic locking' })
  version!: number;

  /** Not a field: the key of the `region` field resolver. */
  regionId!: string;
}

@ObjectType('ProjectEdge', { simpleResolvers: true })
export class ProjectEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => ProjectType)
  node!: ProjectType;
}

@ObjectType('ProjectConnection', { simpleResolvers: true })
export class ProjectConnection {
  @Field(() => [ProjectEdge])
  edges!: ProjectEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

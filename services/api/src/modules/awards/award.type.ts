import '../../reflect-metadata.ts';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../graphql/page-info.type.ts';
import { fenDescription } from '../projects/project.type.ts';
import { AWARD_CATEGORY_LABELS } from './award-category-labels.ts';

export const AWARD_CATEGORIES = [
  'ADVANCED_UNIT',
  'ADVANCED_INDIVIDUAL',
  'EXCELLENT_MEMBER',
  'EXCELLENT_VOLUNTEER',
] as const;
export type AwardCategory = (typeof AWARD_CATEGORIES)[number];

/** The one category for associations; every other category commends a person. */
export const UNIT_CATEGORY: AwardCategory = 'ADVANCED_UNIT';

export enum AwardCategoryEnum {
  ADVANCED_UNIT = 'ADVANCED_UNIT',
  ADVANCED_INDIVIDUAL = 'ADVANCED_INDIVIDUAL',
  EXCELLENT_MEMBER = 'EXCELLENT_MEMBER',
  EXCELLENT_VOLUNTEER = 'EXCELLENT_VOLUNTEER',
}
registerEnumType(AwardCategoryEnum, {
  name: 'AwardCategory',
  description: '表彰类别 / Category of commendation',
  valuesConfig: Object.fromEntries(
    AWARD_CATEGORIES.map((category) => [
      category,
      { description: `${AWARD_CATEGORY_LABELS[category].zh} / ${AWARD_CATEGORY_LABELS[category].en}` },
    ]),
  ),
});

/** A commendation round as admins see it. `region` and `recipients` are resolved in award.resolver.ts. */
@ObjectType('AwardRound', {
  description: '表彰（一批表彰决定）/ Commendation round (one decision commending several recipients)',
  simpleResolvers: true,
})
export class AwardRoundType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: '标题 / Title' })
  title!: string;

  @Field(() => Int, { description: '表彰年度 / The year commended' })
  year!: number;

  @Field(() => String, { description: '发文机关 / Issuing body' })
  issuingBody!: string;

  @Field(() => String, { description: '文号，如 青计协发〔2025〕3号 / Document number' })
  documentNumber!: string;

  @Field(() => String, { description: '发文日期 YYYY-MM-DD / Date issued' })
  issuedOn!: string;

  @Field(() => Int, { description: '获表彰的协会和人员数 / Number of recipients' })
  recipientCount!: number;

  @Field(() => String, { description: fenDescription('奖金合计', 'Total prize money') })
  prizeTotalFen!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  @Field(() => Int, { description: '乐观锁版本号 / Version for optimistic locking' })
  version!: number;

  /** Not a field: the key of the `region` field resolver. */
  regionId!: string;
}

/**
 * One recipient of a round: an association or a person. Admins in scope see the person's full name,
 * as everywhere in the registry; whether it may be published is `namePublicationConsent`.
 */
@ObjectType('AwardRecipient', {
  description: '获表彰对象 / Recipient of a commendation',
  simpleResolvers: true,
})
export class AwardRecipientType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: '所属表彰 / The round' })
  roundId!: string;

  @Field(() => AwardCategoryEnum)
  category!: AwardCategoryEnum;

  @Field(() => ID, { nullable: true, description: '获表彰的协会 / The association commended' })
  associationId!: string | null;

  @Field(() => String, { nullable: true, description: '协会编码 / Association code' })
  associationCode!: string | null;

  @Field(() => ID, { nullable: true, description: '获表彰的人员 / The person commended' })
  personId!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      '协会名称或人员姓名；人员户籍已迁出您的管辖范围时为空 / Association or person name; empty when the person is now registered outside your jurisdiction',
  })
  recipientName!: string | null;

  @Field(() => String, { description: '事迹评语（将公开发布）/ Citation (to be published)' })
  citation!: string;

  @Field(() => String, {
    nullable: true,
    description: fenDescription('奖金，空为无奖金', 'Prize money; empty for none', '50000', '500'),
  })
  prizeFen!: string | null;

  @Field(() => Boolean, {
    description:
      '本人是否同意公开全名（仅适用于个人）/ Whether the person consented to their full name being published (persons only)',
  })
  namePublicationConsent!: boolean;

  @Field(() => String, { nullable: true, description: '同意登记日期 / Day the consent was recorded' })
  consentRecordedOn!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  @Field(() => Int, { description: '乐观锁版本号 / Version for optimistic locking' })
  version!: number;

  /** Not a field: the key of the `region` field resolver (the association's or the person's registered region). */
  regionId!: string;
}

@ObjectType('AwardRoundEdge', { simpleResolvers: true })
export class AwardRoundEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => AwardRoundType)
  node!: AwardRoundType;
}

@ObjectType('AwardRoundConnection', { simpleResolvers: true })
export class AwardRoundConnection {
  @Field(() => [AwardRoundEdge])
  edges!: AwardRoundEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

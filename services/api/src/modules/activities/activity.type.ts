import '../../reflect-metadata.ts';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../graphql/page-info.type.ts';

export const ACTIVITY_KINDS = [
  'MEMBER_DAY',
  'POPULATION_DAY',
  'HEALTH_SCREENING',
  'TRAINING',
  'HOME_VISIT',
  'MARKET_FAIR',
  'OTHER',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export enum ActivityKindEnum {
  MEMBER_DAY = 'MEMBER_DAY',
  POPULATION_DAY = 'POPULATION_DAY',
  HEALTH_SCREENING = 'HEALTH_SCREENING',
  TRAINING = 'TRAINING',
  HOME_VISIT = 'HOME_VISIT',
  MARKET_FAIR = 'MARKET_FAIR',
  OTHER = 'OTHER',
}
registerEnumType(ActivityKindEnum, {
  name: 'ActivityKind',
  description: '活动类型 / Kind of activity',
  valuesConfig: {
    MEMBER_DAY: { description: '“5·29”会员活动日 / "5·29" member day' },
    POPULATION_DAY: { description: '“7·11”世界人口日 / "7·11" World Population Day' },
    HEALTH_SCREENING: { description: '妇女病普查 / Women’s health screening' },
    TRAINING: { description: '培训 / Training' },
    HOME_VISIT: { description: '入户走访 / Home visits' },
    MARKET_FAIR: { description: '集市宣传咨询 / Outreach at a rural market' },
    OTHER: { description: '其他 / Other' },
  },
});

/** An activity as admins see it. The `region` field is resolved in activity.resolver.ts. */
@ObjectType('Activity', {
  description: '协会活动记录 / Recorded activity of an association',
  simpleResolvers: true,
})
export class ActivityType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: '所属协会 / The association that held it' })
  associationId!: string;

  @Field(() => String, { description: '协会编码 / Association code' })
  associationCode!: string;

  @Field(() => String, { description: '协会名称 / Association name' })
  associationName!: string;

  @Field(() => ActivityKindEnum)
  kind!: ActivityKindEnum;

  @Field(() => String, { description: '活动日期 YYYY-MM-DD / Held on' })
  heldOn!: string;

  @Field(() => String)
  title!: string;

  @Field(() => Int, { description: '参加人数 / Participants' })
  participants!: number;

  @Field(() => Int, { description: '发放宣传品（份）/ Leaflets and other materials handed out' })
  leaflets!: number;

  @Field(() => Int, { description: '义诊咨询人次 / Free consultations' })
  consultations!: number;

  @Field(() => Int, { description: '受检人数（普查）/ People screened' })
  peopleScreened!: number;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  @Field(() => Int, { description: '乐观锁版本号 / Version for optimistic locking' })
  version!: number;

  /** Not a field: the key of the `region` field resolver. */
  regionId!: string;
}

@ObjectType('ActivityEdge', { simpleResolvers: true })
export class ActivityEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => ActivityType)
  node!: ActivityType;
}

@ObjectType('ActivityConnection', { simpleResolvers: true })
export class ActivityConnection {
  @Field(() => [ActivityEdge])
  edges!: ActivityEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

const WHOLE_NUMBER =
  '整数（Float 仅为容纳超过 32 位的合计）/ A whole number (Float only because a total may exceed 32 bits)';

@ObjectType('ActivityKindTotals', {
  description: '某类活动的次数与各项数字合计 / Count and summed figures of one kind of activity',
  simpleResolvers: true,
})
export class ActivityKindTotalsType {
  @Field(() => ActivityKindEnum)
  kind!: ActivityKindEnum;

  @Field(() => Int, { description: '活动次数 / Number of activities' })
  activities!: number;

  @Field(() => Float, { description: `参加人数合计；${WHOLE_NUMBER}` })
  participants!: number;

  @Field(() => Float, { description: `宣传品合计；${WHOLE_NUMBER}` })
  leaflets!: number;

  @Field(() => Float, { description: `义诊咨询合计；${WHOLE_NUMBER}` })
  consultations!: number;

  @Field(() => Float, { description: `受检人数合计；${WHOLE_NUMBER}` })
  peopleScreened!: number;
}

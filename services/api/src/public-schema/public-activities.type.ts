import '../reflect-metadata.ts';
import { Field, Int, ObjectType } from 'type-graphql';
import { PublicRegion } from './public-policy.type.ts';

// Descriptions here become the data dictionary of the published dataset: written for residents.
// The figures are head counts of an activity (人次) and materials handed out, not counts of distinct
// people: one resident at three activities is three participants. They are published as recorded.

@ObjectType('PublicActivityStatistic', {
  description: '计生协会活动统计：每个地区（县、乡镇、村）每年每类活动的次数及参与情况，含下级地区的协会',
  simpleResolvers: true,
})
export class PublicActivityStatistic {
  @Field(() => PublicRegion, { description: '统计的地区（含其下级地区）' })
  region!: PublicRegion;

  @Field(() => String, { nullable: true, description: '上一级地区的区划代码；县为空' })
  parentCode!: string | null;

  @Field(() => Int, { description: '活动年度' })
  year!: number;

  @Field(() => String, {
    description:
      '活动类型代码：MEMBER_DAY 会员活动日、POPULATION_DAY 世界人口日、HEALTH_SCREENING 妇女病普查、TRAINING 培训、HOME_VISIT 入户走访、MARKET_FAIR 集市宣传、OTHER 其他',
  })
  kind!: string;

  @Field(() => String, { description: '活动类型名称' })
  kindLabel!: string;

  @Field(() => Int, { description: '活动次数' })
  activityCount!: number;

  @Field(() => Int, { description: '参加活动人次（同一人参加多次按多次计）' })
  participants!: number;

  @Field(() => Int, { description: '发放宣传品份数' })
  leaflets!: number;

  @Field(() => Int, { description: '义诊咨询人次' })
  consultations!: number;

  @Field(() => Int, { description: '妇女病普查受检人次' })
  peopleScreened!: number;
}

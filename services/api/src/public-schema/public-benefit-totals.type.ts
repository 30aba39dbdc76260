import '../reflect-metadata.ts';
import { Extensions, Field, Int, ObjectType } from 'type-graphql';
import { PublicRegion } from './public-policy.type.ts';

// Descriptions here become the data dictionary of the published dataset: written for residents.

@ObjectType('PublicBenefitProgram', { description: '扶助/奖励项目', simpleResolvers: true })
export class PublicBenefitProgram {
  @Field(() => String, { description: '项目编码' })
  code!: string;

  @Field(() => String, { description: '项目名称' })
  name!: string;

  @Field(() => Boolean, {
    description: '是否涉及家庭隐私（如计划生育家庭特别扶助）：是则只公布到乡镇一级，不公布村级数据',
  })
  sensitive!: boolean;
}

@ObjectType('PublicBenefitTotal', {
  description:
    '扶助资金发放汇总：每个地区（县、乡镇、村）每个项目每年实际发放到人的人数和金额。各项目分别统计，不提供跨项目的合计（同一人可能享受多个项目）',
  simpleResolvers: true,
})
export class PublicBenefitTotal {
  @Field(() => PublicRegion, { description: '统计的地区（县、乡镇或村；涉及家庭隐私的项目只到乡镇）' })
  region!: PublicRegion;

  @Field(() => String, { nullable: true, description: '上一级地区的区划代码；县为空' })
  parentCode!: string | null;

  @Field(() => PublicBenefitProgram, { description: '扶助/奖励项目' })
  program!: PublicBenefitProgram;

  @Field(() => Int, { description: '发放所属年度（按月发放的项目按全年合计）' })
  year!: number;

  @Extensions({ disclosure: { kind: 'PERSON_COUNT' } })
  @Field(() => Int, {
    nullable: true,
    description:
      '该年度已实际到账的享受人数（同一人全年多次发放只计一次，按其最近一次到账时所在的村统计）；不予公开时为空',
  })
  recipientCount!: number | null;

  @Extensions({ disclosure: { kind: 'AMOUNT_FEN' } })
  @Field(() => String, {
    nullable: true,
    description:
      '该年度已到账金额合计，已扣除追回（冲销）的款项，单位为分（如 "72000" 即 720 元）；人数不予公开时金额一并不公开，为空',
  })
  amountFen!: string | null;

  @Field(() => Boolean, { description: '人数和金额是否因保护个人隐私而不予公开' })
  suppressed!: boolean;

  @Extensions({ disclosure: { kind: 'SUPPRESSION_NOTE' } })
  @Field(() => String, { nullable: true, description: '不予公开的原因；已公开时为空' })
  suppressionReason!: string | null;
}

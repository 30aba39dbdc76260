import '../reflect-metadata.ts';
import { Extensions, Field, Int, ObjectType } from 'type-graphql';

// Descriptions here become the data dictionary of the published dataset: written for residents.

@ObjectType('PublicProgramStandard', {
  description: '扶助标准：某一档次在一段时间内的金额',
  simpleResolvers: true,
})
export class PublicProgramStandard {
  @Field(() => String, { description: '档次代码，如 DEFAULT（统一标准）、DIED_RURAL' })
  variant!: string;

  @Field(() => String, { description: '档次说明，如 统一标准、独生子女死亡（农村）' })
  variantLabel!: string;

  @Field(() => String, { description: '起始日期（YYYY-MM-DD，含当天）' })
  effectiveFrom!: string;

  @Field(() => String, {
    nullable: true,
    description: '停止适用的日期（YYYY-MM-DD，不含当天）；现行标准为空',
  })
  effectiveUntil!: string | null;

  @Extensions({ disclosure: { kind: 'AMOUNT_FEN' } })
  @Field(() => String, {
    description: '标准金额，按项目的计量单位（每人每年、每人每月或每次），单位为分（如 "96000" 即 960 元）',
  })
  amountFen!: string;
}

@ObjectType('PublicProgram', { description: '扶助项目及其标准', simpleResolvers: true })
export class PublicProgram {
  @Field(() => String, { description: '项目编码' })
  code!: string;

  @Field(() => String, { description: '项目名称' })
  name!: string;

  @Field(() => String, { description: '项目类型代码' })
  kind!: string;

  @Field(() => String, { description: '项目类型' })
  kindLabel!: string;

  @Field(() => String, { description: '资金层级代码：NATIONAL、PROVINCIAL、COUNTY、TOWNSHIP' })
  fundingTier!: string;

  @Field(() => String, { description: '资金层级：中央、省级、县级、乡镇' })
  fundingTierLabel!: string;

  @Field(() => Boolean, {
    description: '是否涉及家庭隐私（如计划生育家庭特别扶助）：是则只公布乡镇汇总，不公布名单和村级数据',
  })
  sensitive!: boolean;

  @Field(() => String, { description: '标准的计量单位代码：PER_PERSON_YEAR、PER_PERSON_MONTH、PER_EVENT' })
  amountUnit!: string;

  @Field(() => String, { description: '标准的计量单位：每人每年、每人每月、每次' })
  amountUnitLabel!: string;

  @Field(() => String, { description: '政策依据文件' })
  sourceDocument!: string;

  @Field(() => Int, { description: '对象名单的公示天数' })
  noticeDays!: number;

  @Field(() => String, { description: '默认受理异议的单位' })
  objectionOffice!: string;

  @Field(() => String, { description: '默认受理异议的电话' })
  objectionPhone!: string;

  @Field(() => [PublicProgramStandard], { description: '历年标准，按档次和起始日期排列' })
  standards!: PublicProgramStandard[];
}

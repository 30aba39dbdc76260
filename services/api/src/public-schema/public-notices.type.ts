import '../reflect-metadata.ts';
import { Extensions, Field, ID, Int, ObjectType } from 'type-graphql';
import { PublicRegion } from './public-policy.type.ts';

// Descriptions here become the data dictionary of the published datasets: written for residents.

@ObjectType('PublicNoticeProgram', { description: '公示所属的扶助项目', simpleResolvers: true })
export class PublicNoticeProgram {
  @Field(() => String, { description: '项目编码' })
  code!: string;

  @Field(() => String, { description: '项目名称' })
  name!: string;

  @Field(() => Boolean, {
    description: '是否涉及家庭隐私（如计划生育家庭特别扶助）：是则只公布乡镇汇总，不公布名单和村级数据',
  })
  sensitive!: boolean;
}

@ObjectType('PublicNotice', {
  description: '扶助对象公示（每个乡镇每个项目每年一期）及其人数、金额汇总',
  simpleResolvers: true,
})
export class PublicNotice {
  @Field(() => ID, { description: '公示编号（系统内唯一标识）' })
  id!: string;

  @Field(() => PublicNoticeProgram, { description: '扶助项目' })
  program!: PublicNoticeProgram;

  @Field(() => Int, { description: '享受年度' })
  year!: number;

  @Field(() => PublicRegion, { description: '公示的乡镇（街道）' })
  township!: PublicRegion;

  @Field(() => String, { description: '公示开始日期（YYYY-MM-DD）' })
  startsOn!: string;

  @Field(() => String, { description: '公示截止日期（YYYY-MM-DD，含当天）' })
  endsOn!: string;

  @Field(() => String, {
    description: '状态代码：UPCOMING 尚未开始、OPEN 公示中、CLOSED 公示期满待确认、CONFIRMED 名单已确认',
  })
  status!: string;

  @Field(() => String, { description: '状态说明' })
  statusLabel!: string;

  @Field(() => Boolean, { description: '本期是否公布对象名单（名单仅在公示期内及异议处理期间公布）' })
  namesPublished!: boolean;

  @Field(() => String, { description: '公布或不公布名单的原因说明' })
  namesNote!: string;

  @Extensions({ disclosure: { kind: 'PERSON_COUNT' } })
  @Field(() => Int, {
    nullable: true,
    description: '列入公示的享受对象人数（新增和继续享受，不含退出）；人数过少时不予公开，为空',
  })
  recipientCount!: number | null;

  @Extensions({ disclosure: { kind: 'AMOUNT_FEN' } })
  @Field(() => String, {
    nullable: true,
    description:
      '按现行标准计算的年度扶助金额合计，单位为分（如 "96000" 即 960 元）；人数不予公开时金额一并不公开，为空',
  })
  amountFen!: string | null;

  @Field(() => Boolean, { description: '人数和金额是否因保护个人隐私而不予公开' })
  suppressed!: boolean;

  @Extensions({ disclosure: { kind: 'SUPPRESSION_NOTE' } })
  @Field(() => String, { nullable: true, description: '不予公开的原因；已公开时为空' })
  suppressionReason!: string | null;

  @Field(() => String, { description: '受理异议的单位' })
  objectionOffice!: string;

  @Field(() => String, { description: '受理异议的电话' })
  objectionPhone!: string;
}

@ObjectType('PublicNoticeRef', { description: '对象所在的公示期及异议受理方式', simpleResolvers: true })
export class PublicNoticeRef {
  @Field(() => ID, { description: '公示编号（系统内唯一标识）' })
  id!: string;

  @Field(() => String, { description: '公示开始日期（YYYY-MM-DD）' })
  startsOn!: string;

  @Field(() => String, { description: '公示截止日期（YYYY-MM-DD，含当天）' })
  endsOn!: string;

  @Field(() => String, { description: '受理异议的单位' })
  objectionOffice!: string;

  @Field(() => String, { description: '受理异议的电话' })
  objectionPhone!: string;
}

@ObjectType('PublicNoticeRecipient', {
  description: '公示期内的享受对象（姓名已部分隐去；公示及异议处理结束后不再公布）',
  simpleResolvers: true,
})
export class PublicNoticeRecipient {
  @Field(() => String, {
    description: '对象编码：对某一对象提出异议时请报此编码（不含任何个人信息）',
  })
  token!: string;

  @Extensions({ disclosure: { kind: 'MASKED_NAME' } })
  @Field(() => String, { description: '姓名（只显示姓和末字，如 张*娓、张*）' })
  maskedName!: string;

  @Field(() => String, { nullable: true, description: '所在村民小组；未编入小组时为空' })
  villagerGroup!: string | null;

  @Field(() => PublicRegion, { description: '所在村（社区）' })
  village!: PublicRegion;

  @Field(() => PublicRegion, { description: '所在乡镇（街道）' })
  township!: PublicRegion;

  @Field(() => PublicNoticeProgram, { description: '扶助项目' })
  program!: PublicNoticeProgram;

  @Field(() => Int, { description: '享受年度' })
  year!: number;

  @Extensions({ disclosure: { kind: 'AMOUNT_FEN' } })
  @Field(() => String, {
    nullable: true,
    description: '按该年度适用标准计算的年度扶助金额，单位为分（如 "96000" 即 960 元）；标准未定时为空',
  })
  amountFen!: string | null;

  @Field(() => PublicNoticeRef, { description: '公示期及异议受理方式' })
  notice!: PublicNoticeRef;
}

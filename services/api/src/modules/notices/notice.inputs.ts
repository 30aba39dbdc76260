import '../../reflect-metadata.ts';
import { Field, ID, InputType, Int } from 'type-graphql';
import { NoticeStatusEnum, ObjectionChannelEnum } from './notice.type.ts';

@InputType('OpenNoticeInput', {
  description:
    '发起公示：该区域内该项目该年度全部已审批对象进入公示 / Open a notice: every approved enrollment of the program and year in the region goes on it',
})
export class OpenNoticeInput {
  @Field(() => ID)
  programId!: string;

  @Field(() => Int, { description: '年度 / Year' })
  year!: number;

  @Field(() => String, {
    description: '公示范围：乡镇或县的区划代码 / Where it is posted: a township or county code',
  })
  regionCode!: string;

  @Field(() => String, {
    description:
      '开始日期 YYYY-MM-DD，今天前后 30 天内；结束日期按项目的公示天数计算 / First day, within 30 days of today; the last day follows from the program’s notice days',
  })
  startsOn!: string;

  @Field(() => String, {
    nullable: true,
    description: '受理异议的单位；默认取项目设置 / Objection office; default: the program’s',
  })
  objectionOffice?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '受理异议的电话；默认取项目设置 / Objection phone; default: the program’s',
  })
  objectionPhone?: string | null;
}

@InputType('RecordObjectionInput', { description: '登记一条异议 / Record an objection' })
export class RecordObjectionInput {
  @Field(() => String, {
    description: '公示名单上印出的异议编号 / The objection token printed on the public list',
  })
  token!: string;

  @Field(() => String, {
    description:
      '收到日期 YYYY-MM-DD，在公示期内且不晚于今天 / Received on, within the notice and not in the future',
  })
  receivedOn!: string;

  @Field(() => ObjectionChannelEnum)
  channel!: ObjectionChannelEnum;

  @Field(() => String, {
    description: '异议内容摘要，2–1000 字，仅内部可见 / What was said, 2–1000 characters, internal only',
  })
  summary!: string;
}

@InputType('NoticeFilter')
export class NoticeFilterInput {
  @Field(() => ID, { nullable: true })
  programId?: string | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => String, { nullable: true, description: '区划及其下级 / This region and below' })
  regionCode?: string | null;

  @Field(() => NoticeStatusEnum, { nullable: true })
  status?: NoticeStatusEnum | null;
}

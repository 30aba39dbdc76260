import '../../reflect-metadata.ts';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../graphql/page-info.type.ts';

export const NOTICE_STATUSES = ['OPEN', 'CLOSED', 'CONFIRMED'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
export const OBJECTION_CHANNELS = ['PHONE', 'VISIT', 'LETTER', 'ONLINE'] as const;
export type ObjectionChannel = (typeof OBJECTION_CHANNELS)[number];
export type ObjectionStatus = 'OPEN' | 'UPHELD' | 'DISMISSED';
export type ObjectionOutcome = 'UPHELD' | 'DISMISSED';

export enum NoticeStatusEnum {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
  CONFIRMED = 'CONFIRMED',
}
registerEnumType(NoticeStatusEnum, {
  name: 'NoticeStatus',
  description: '公示状态 / State of a public notice',
  valuesConfig: {
    OPEN: { description: '公示中（或尚未开始）/ Running (or not yet begun)' },
    CLOSED: { description: '公示期已过，待确认 / Period over, awaiting confirmation' },
    CONFIRMED: { description: '名单已确认 / Roll confirmed' },
  },
});

export enum ObjectionChannelEnum {
  PHONE = 'PHONE',
  VISIT = 'VISIT',
  LETTER = 'LETTER',
  ONLINE = 'ONLINE',
}
registerEnumType(ObjectionChannelEnum, {
  name: 'ObjectionChannel',
  description: '异议的提出方式 / How an objection was received',
  valuesConfig: {
    PHONE: { description: '电话 / Phone' },
    VISIT: { description: '来访 / In person' },
    LETTER: { description: '信函 / Letter' },
    ONLINE: { description: '网上 / Online' },
  },
});

export enum ObjectionStatusEnum {
  OPEN = 'OPEN',
  UPHELD = 'UPHELD',
  DISMISSED = 'DISMISSED',
}
registerEnumType(ObjectionStatusEnum, {
  name: 'ObjectionStatus',
  description: '异议处理状态 / State of an objection',
  valuesConfig: {
    OPEN: { description: '待处理 / Open' },
    UPHELD: { description: '异议成立，确认时从名单中删除 / Upheld: struck off when the roll is confirmed' },
    DISMISSED: { description: '异议不成立 / Dismissed' },
  },
});

export enum ObjectionOutcomeEnum {
  UPHELD = 'UPHELD',
  DISMISSED = 'DISMISSED',
}
registerEnumType(ObjectionOutcomeEnum, {
  name: 'ObjectionOutcome',
  description: '异议处理结论 / How an objection is resolved',
  valuesConfig: {
    UPHELD: { description: '成立 / Upheld' },
    DISMISSED: { description: '不成立 / Dismissed' },
  },
});

@ObjectType('Objection', {
  description:
    '公示期间对名单中某人提出的异议（内部记录，不公开）/ An objection to someone on a notice (internal, never published)',
  simpleResolvers: true,
})
export class ObjectionType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  noticeId!: string;

  @Field(() => ID)
  enrollmentId!: string;

  @Field(() => String, { description: '所指对象的异议编号 / Token of the person objected to' })
  objectionToken!: string;

  @Field(() => String, { description: '收到日期 YYYY-MM-DD / Received on' })
  receivedOn!: string;

  @Field(() => ObjectionChannelEnum)
  channel!: ObjectionChannelEnum;

  @Field(() => String, { description: '异议内容摘要（仅内部）/ What was said (internal only)' })
  summary!: string;

  @Field(() => ObjectionStatusEnum)
  status!: ObjectionStatusEnum;

  @Field(() => String, { nullable: true, description: '处理意见 / Resolution' })
  resolution!: string | null;

  @Field(() => ID)
  recordedBy!: string;

  @Field(() => Date)
  recordedAt!: Date;

  @Field(() => ID, { nullable: true })
  resolvedBy!: string | null;

  @Field(() => Date, { nullable: true })
  resolvedAt!: Date | null;

  @Field(() => Int, { description: '乐观锁版本号 / Version for optimistic locking' })
  version!: number;
}

/** A public notice (公示). Program, region, enrollments and objections are resolved in notice.resolver.ts. */
@ObjectType('Notice', { description: '公示 / Public notice of a roll', simpleResolvers: true })
export class NoticeType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  programId!: string;

  @Field(() => Int, { description: '年度 / Year' })
  year!: number;

  @Field(() => String, { description: '公示开始日期（含）/ First day' })
  startsOn!: string;

  @Field(() => String, { description: '公示结束日期（含）/ Last day' })
  endsOn!: string;

  @Field(() => String, { description: '受理异议的单位 / Office that takes objections' })
  objectionOffice!: string;

  @Field(() => String, { description: '受理异议的电话 / Phone that takes objections' })
  objectionPhone!: string;

  @Field(() => NoticeStatusEnum)
  status!: NoticeStatusEnum;

  @Field(() => Int, {
    description:
      '距公示结束还有几天（含今天，自然日）；已结束为 0 / Calendar days left including today; 0 once over',
  })
  daysLeft!: number;

  @Field(() => ID)
  openedBy!: string;

  @Field(() => Date)
  openedAt!: Date;

  @Field(() => ID, { nullable: true })
  confirmedBy!: string | null;

  @Field(() => Date, { nullable: true })
  confirmedAt!: Date | null;

  @Field(() => Int, { description: '乐观锁版本号 / Version for optimistic locking' })
  version!: number;

  /** Not a field: the key of the `region` field resolver. */
  regionId!: string;
}

@ObjectType('NoticeEdge', { simpleResolvers: true })
export class NoticeEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => NoticeType)
  node!: NoticeType;
}

@ObjectType('NoticeConnection', { simpleResolvers: true })
export class NoticeConnection {
  @Field(() => [NoticeEdge])
  edges!: NoticeEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

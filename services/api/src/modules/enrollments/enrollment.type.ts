import '../../reflect-metadata.ts';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../graphql/page-info.type.ts';
import { EvidenceKindEnum } from '../programs/program.type.ts';

export const EXIT_REASONS = ['DEATH', 'INELIGIBLE', 'MOVED'] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

export const ENROLLMENT_STATUSES = [
  'SUBMITTED',
  'REVIEWED',
  'APPROVED',
  'IN_NOTICE',
  'CONFIRMED',
  'REJECTED',
] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

export enum EnrollmentKindEnum {
  NEW = 'NEW',
  CONTINUING = 'CONTINUING',
  EXITED = 'EXITED',
}
registerEnumType(EnrollmentKindEnum, {
  name: 'EnrollmentKind',
  description: '年度名册中的类别 / Kind of entry on the yearly roll',
  valuesConfig: {
    NEW: { description: '新增 / New entrant' },
    CONTINUING: { description: '继续享受 / Continuing' },
    EXITED: { description: '退出 / Exit' },
  },
});

export enum ExitReasonEnum {
  DEATH = 'DEATH',
  INELIGIBLE = 'INELIGIBLE',
  MOVED = 'MOVED',
}
registerEnumType(ExitReasonEnum, {
  name: 'ExitReason',
  description: '退出原因 / Why someone leaves the roll',
  valuesConfig: {
    DEATH: { description: '死亡 / Death' },
    INELIGIBLE: { description: '不再符合条件 / No longer eligible' },
    MOVED: { description: '迁出 / Moved away' },
  },
});

export enum EnrollmentStatusEnum {
  SUBMITTED = 'SUBMITTED',
  REVIEWED = 'REVIEWED',
  APPROVED = 'APPROVED',
  IN_NOTICE = 'IN_NOTICE',
  CONFIRMED = 'CONFIRMED',
  REJECTED = 'REJECTED',
}
registerEnumType(EnrollmentStatusEnum, {
  name: 'EnrollmentStatus',
  description: '对象确认的进度 / Where an enrollment stands',
  valuesConfig: {
    SUBMITTED: { description: '村级已申报，待乡镇审核 / Submitted, awaiting township review' },
    REVIEWED: { description: '乡镇已审核，待县级审批 / Reviewed, awaiting county approval' },
    APPROVED: { description: '县级已审批，待公示 / Approved, awaiting public notice' },
    IN_NOTICE: { description: '公示中 / On public notice' },
    CONFIRMED: { description: '公示无异议，已确认 / Confirmed after the notice' },
    REJECTED: { description: '已退回或异议成立 / Sent back, or struck off by an upheld objection' },
  },
});

@ObjectType('EvidenceItem', { description: '证明材料 / A piece of evidence', simpleResolvers: true })
export class EvidenceItemType {
  @Field(() => EvidenceKindEnum)
  kind!: EvidenceKindEnum;

  @Field(() => String, { description: '材料名称 / Name of the kind (Chinese)' })
  labelZh!: string;

  @Field(() => String, { description: 'Name of the kind (English)' })
  labelEn!: string;

  @Field(() => String, { description: '证件或文书编号 / Document number' })
  documentNumber!: string;

  @Field(() => String, { description: '出具日期 YYYY-MM-DD / Issued on' })
  issuedOn!: string;
}

/**
 * An enrollment as admins see it: the person's name (as in the registry), never their ID number.
 * Program, person and region are resolved in enrollment.resolver.ts.
 */
@ObjectType('Enrollment', {
  description: '对象确认：某人某年度享受某项目 / A person’s entitlement to a program for a year',
  simpleResolvers: true,
})
export class EnrollmentType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  programId!: string;

  @Field(() => ID)
  personId!: string;

  @Field(() => String, { description: '姓名 / Name' })
  personName!: string;

  @Field(() => Int, { description: '年度 / Year' })
  year!: number;

  @Field(() => EnrollmentKindEnum)
  kind!: EnrollmentKindEnum;

  @Field(() => ExitReasonEnum, { nullable: true })
  exitReason!: ExitReasonEnum | null;

  @Field(() => String, { description: '适用的标准档次 / Variant of the standard that applies' })
  variant!: string;

  @Field(() => [EvidenceItemType])
  evidence!: EvidenceItemType[];

  @Field(() => EnrollmentStatusEnum)
  status!: EnrollmentStatusEnum;

  @Field(() => ID, { description: '申报人（管理员账号）/ Submitted by (admin account)' })
  submittedBy!: string;

  @Field(() => Date)
  submittedAt!: Date;

  @Field(() => ID, { nullable: true })
  reviewedBy!: string | null;

  @Field(() => Date, { nullable: true })
  reviewedAt!: Date | null;

  @Field(() => ID, { nullable: true })
  approvedBy!: string | null;

  @Field(() => Date, { nullable: true })
  approvedAt!: Date | null;

  @Field(() => ID, { nullable: true })
  rejectedBy!: string | null;

  @Field(() => Date, { nullable: true })
  rejectedAt!: Date | null;

  @Field(() => String, { nullable: true, description: '退回原因 / Why it was sent back or struck off' })
  rejectionReason!: string | null;

  @Field(() => ID, { nullable: true, description: '所在公示 / The public notice it is on' })
  noticeId!: string | null;

  @Field(() => String, {
    description:
      '异议编号：公示名单上代替身份信息印出，群众据此提出异议 / Objection token: printed on the public list instead of personal details; objections name it',
  })
  objectionToken!: string;

  @Field(() => Int, { description: '乐观锁版本号 / Version for optimistic locking' })
  version!: number;

  /** Not a field: the key of the `region` field resolver. */
  regionId!: string;
}

@ObjectType('EnrollmentEdge', { simpleResolvers: true })
export class EnrollmentEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => EnrollmentType)
  node!: EnrollmentType;
}

@ObjectType('EnrollmentConnection', { simpleResolvers: true })
export class EnrollmentConnection {
  @Field(() => [EnrollmentEdge])
  edges!: EnrollmentEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

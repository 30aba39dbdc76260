import '../../reflect-metadata.ts';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../graphql/page-info.type.ts';
import { RoleEnum } from '../identity/identity.type.ts';

export enum AuditChainProblemEnum {
  GAP = 'GAP',
  PREV_LINK = 'PREV_LINK',
  ROW_HASH = 'ROW_HASH',
  HEAD = 'HEAD',
  UNCHAINED = 'UNCHAINED',
}
registerEnumType(AuditChainProblemEnum, {
  name: 'AuditChainProblem',
  description: '审计链的损坏方式 / How the audit chain is broken',
  valuesConfig: {
    GAP: {
      description: '此行之前缺行（被删除或改号）/ Rows are missing before this one (deleted or renumbered)',
    },
    PREV_LINK: {
      description: '此行记录的前一行摘要与前一行不符 / This row’s link does not match the row before it',
    },
    ROW_HASH: {
      description: '此行内容与其摘要不符（被改动）/ This row’s content does not match its digest (altered)',
    },
    HEAD: {
      description:
        '链尾与记录的链头不符（末尾的行被删除，或链头被改动）/ The last row is not the recorded head (rows removed from the end, or the head altered)',
    },
    UNCHAINED: {
      description:
        '有一行未进入链（绕过触发器写入）/ A row never joined the chain (written around the chain trigger)',
    },
  },
});

@ObjectType('AuditChainVerification', {
  description:
    '审计链校验结果：逐行重算摘要与链接 / The audit chain checked: every row’s digest and link recomputed',
  simpleResolvers: true,
})
export class AuditChainVerificationType {
  @Field(() => Boolean, { description: '整条链完好 / The whole chain is intact' })
  intact!: boolean;

  @Field(() => String, {
    description:
      '首个问题之前校验无误的行数（完好时为全部），十进制数字串 / Chained rows found sound before the first problem (all when intact), as decimal digits',
  })
  verifiedRows!: string;

  @Field(() => String, { description: '链头位置，十进制数字串 / Position of the head, as decimal digits' })
  headSeq!: string;

  @Field(() => String, { description: '链头摘要 SHA-256（十六进制）/ The head’s digest, SHA-256 in hex' })
  headSha256!: string;

  @Field(() => String, {
    nullable: true,
    description: '首个损坏的位置（完好时为空）/ First broken position (empty when intact)',
  })
  firstBrokenSeq!: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      '首个损坏的审计记录编号（该行缺失时为空）/ Id of the first broken audit event (empty when the row is missing)',
  })
  firstBrokenEventId!: string | null;

  @Field(() => AuditChainProblemEnum, { nullable: true })
  problem!: AuditChainProblemEnum | null;

  @Field(() => Date, { description: '校验时间 / When the check ran' })
  checkedAt!: Date;
}

@ObjectType('AuditEvent', {
  description:
    '一条审计记录：谁、以何角色、在何区划、做了什么、何时，及改动前后内容的摘要（不含个人信息）/ One audit event: who, in which role and region, did what and when, with digests of the content before and after (no personal data)',
  simpleResolvers: true,
})
export class AuditEventType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, {
    nullable: true,
    description: '在审计链中的位置（提交时分配）/ Position in the audit chain (given at commit)',
  })
  chainSeq!: string | null;

  @Field(() => String, { nullable: true, description: '前一行的摘要 / Digest of the row before it' })
  prevSha256!: string | null;

  @Field(() => String, { nullable: true, description: '本行的摘要 / This row’s digest' })
  rowSha256!: string | null;

  @Field(() => Date)
  at!: Date;

  @Field(() => ID, { description: '操作的管理员 / The admin who acted' })
  userId!: string;

  @Field(() => RoleEnum)
  userRole!: RoleEnum;

  @Field(() => String, { description: '区划路径（各级 12 位代码）/ Region path (12-digit codes by level)' })
  regionPath!: string;

  @Field(() => String, { description: '区划代码 / Region code' })
  regionCode!: string;

  @Field(() => String, { description: '操作，如 policy.publish / Action, e.g. policy.publish' })
  action!: string;

  @Field(() => String, { description: '对象类型 / Kind of record' })
  entity!: string;

  @Field(() => String, { description: '对象编号 / Id of the record' })
  entityId!: string;

  @Field(() => String, { nullable: true, description: '改动前内容的摘要 / Digest of the content before' })
  beforeSha256!: string | null;

  @Field(() => String, { nullable: true, description: '改动后内容的摘要 / Digest of the content after' })
  afterSha256!: string | null;

  @Field(() => String, { nullable: true, description: '请求编号 / Request id' })
  requestId!: string | null;

  @Field(() => Boolean, {
    description:
      '涉及敏感事实（仅有权知悉者可见）/ About a sensitive fact (seen only by those who may know it)',
  })
  sensitive!: boolean;
}

@ObjectType('AuditEventEdge', { simpleResolvers: true })
export class AuditEventEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => AuditEventType)
  node!: AuditEventType;
}

@ObjectType('AuditEventConnection', { simpleResolvers: true })
export class AuditEventConnection {
  @Field(() => [AuditEventEdge])
  edges!: AuditEventEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

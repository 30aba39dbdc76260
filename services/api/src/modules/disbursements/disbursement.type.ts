import '../../reflect-metadata.ts';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../graphql/page-info.type.ts';
import { fenDescription } from '../projects/project.type.ts';

export enum BatchPurposeEnum {
  REGULAR = 'REGULAR',
  CORRECTION = 'CORRECTION',
}
registerEnumType(BatchPurposeEnum, {
  name: 'DisbursementBatchPurpose',
  description: '批次用途 / What a batch is for',
  valuesConfig: {
    REGULAR: { description: '按确认名单发放 / Paying the confirmed roll' },
    CORRECTION: { description: '更正：补发或冲正 / Corrections: reissues or reversals' },
  },
});

export enum BatchStatusEnum {
  DRAFT = 'DRAFT',
  APPROVED = 'APPROVED',
  EXPORTED = 'EXPORTED',
}
registerEnumType(BatchStatusEnum, {
  name: 'DisbursementBatchStatus',
  description: '批次状态 / State of a batch',
  valuesConfig: {
    DRAFT: { description: '草稿 / Draft' },
    APPROVED: { description: '已审批（制单人以外的管理员）/ Approved by an admin other than its maker' },
    EXPORTED: { description: '已导出付款文件 / Payment file exported' },
  },
});

export enum PaymentEntryEnum {
  PAYMENT = 'PAYMENT',
  REISSUE = 'REISSUE',
  REVERSAL = 'REVERSAL',
}
registerEnumType(PaymentEntryEnum, {
  name: 'PaymentEntry',
  description: '台账记录类型 / Kind of ledger entry',
  valuesConfig: {
    PAYMENT: { description: '发放 / Payment of the confirmed roll' },
    REISSUE: {
      description: '补发（替代失败、退回或冲正的付款）/ Reissue of a failed, returned or reversed payment',
    },
    REVERSAL: { description: '冲正（负数，撤销已支付的付款）/ Reversal (negative) of a paid payment' },
  },
});

export enum PaymentStatusEnum {
  PLANNED = 'PLANNED',
  EXPORTED = 'EXPORTED',
  PAID = 'PAID',
  FAILED = 'FAILED',
  RETURNED = 'RETURNED',
  REVERSED = 'REVERSED',
  BOOKED = 'BOOKED',
}
registerEnumType(PaymentStatusEnum, {
  name: 'PaymentStatus',
  description: '付款状态 / State of a payment',
  valuesConfig: {
    PLANNED: { description: '待导出 / Planned' },
    EXPORTED: { description: '已交银行 / Sent to the bank' },
    PAID: { description: '已支付 / Paid' },
    FAILED: { description: '失败 / Failed' },
    RETURNED: { description: '退回 / Returned' },
    REVERSED: { description: '已冲正 / Paid, then reversed' },
    BOOKED: { description: '已入账（冲正记录）/ Booked (a reversal entry)' },
  },
});

@ObjectType('DisbursementBatch', {
  description: '发放批次：按项目、期间和区划 / A disbursement batch of a program, period and region',
  simpleResolvers: true,
})
export class DisbursementBatchType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  programId!: string;

  @Field(() => String, { description: '项目代码 / Program code' })
  programCode!: string;

  @Field(() => String, { description: '项目名称 / Program name' })
  programName!: string;

  @Field(() => String, { description: '发放期间：年（2026）或年月（2026-03）/ Period: a year or a month' })
  period!: string;

  @Field(() => BatchPurposeEnum)
  purpose!: BatchPurposeEnum;

  @Field(() => BatchStatusEnum)
  status!: BatchStatusEnum;

  @Field(() => Int, { description: '付款笔数（冲正记录不计）/ Lines that pay (reversals not counted)' })
  lineCount!: number;

  @Field(() => String, {
    description: fenDescription('合计金额', 'Total of the lines that pay', '8640000', '86,400'),
  })
  totalFen!: string;

  @Field(() => ID, { description: '制单人（管理员编号）/ Maker (admin id)' })
  createdById!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => ID, { nullable: true, description: '审批人（管理员编号）/ Approver (admin id)' })
  approvedById!: string | null;

  @Field(() => Date, { nullable: true })
  approvedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: '导出人（管理员编号）/ Who exported it (admin id)' })
  exportedById!: string | null;

  @Field(() => Date, { nullable: true })
  exportedAt!: Date | null;

  @Field(() => String, { nullable: true, description: '付款文件名 / Payment file name' })
  fileName!: string | null;

  @Field(() => String, { nullable: true, description: '付款文件 SHA-256 / The payment file’s SHA-256' })
  fileSha256!: string | null;

  @Field(() => String, {
    nullable: true,
    description: '付款文件下载地址（导出后）/ Where to download the payment file (once exported)',
  })
  downloadPath!: string | null;

  @Field(() => Int, { description: '乐观锁版本号 / Version for optimistic locking' })
  version!: number;

  /** Not a field: the key of the `region` field resolver. */
  regionId!: string;
}

@ObjectType('Payment', {
  description: '付款台账记录（账号脱敏）/ A payment ledger entry (account masked)',
  simpleResolvers: true,
})
export class PaymentType {
  @Field(() => ID, {
    description:
      '付款编号（付款文件与回盘文件中的“付款编号”）/ Payment id, as in the payment and return files',
  })
  id!: string;

  @Field(() => ID)
  batchId!: string;

  @Field(() => Int, { description: '序号 / Line number' })
  lineNumber!: number;

  @Field(() => ID)
  programId!: string;

  @Field(() => String)
  period!: string;

  @Field(() => ID, { description: '受益人 / Beneficiary' })
  personId!: string;

  @Field(() => String, { nullable: true, description: '受益人姓名 / Beneficiary name' })
  personName!: string | null;

  @Field(() => ID, { description: '对象确认记录 / The enrollment paid' })
  enrollmentId!: string;

  @Field(() => ID, { description: '收款人（受益人或其代领人）/ Payee: the beneficiary or their proxy' })
  payeePersonId!: string;

  @Field(() => String, { nullable: true, description: '收款人姓名 / Payee name' })
  payeeName!: string | null;

  @Field(() => ID, { nullable: true, description: '代领人登记 / The proxy registration, if a proxy is paid' })
  proxyId!: string | null;

  @Field(() => String, { description: '开户行 / Bank' })
  bank!: string;

  @Field(() => String, {
    description: '账号，仅显示前四位和后四位 / Account number, first and last four digits only',
  })
  accountNumberMasked!: string;

  @Field(() => String, {
    description: fenDescription('金额，冲正为负数', 'Amount, negative for a reversal', '72000', '720'),
  })
  amountFen!: string;

  @Field(() => PaymentEntryEnum)
  entry!: PaymentEntryEnum;

  @Field(() => ID, {
    nullable: true,
    description: '补发或冲正所针对的付款 / The payment a reissue or reversal corrects',
  })
  correctsId!: string | null;

  @Field(() => PaymentStatusEnum)
  status!: PaymentStatusEnum;

  @Field(() => String, { nullable: true, description: '银行流水号 / Bank reference' })
  bankReference!: string | null;

  @Field(() => String, { nullable: true, description: '失败或退回原因 / Why it failed or came back' })
  failureReason!: string | null;

  @Field(() => String, { nullable: true, description: '冲正原因 / Why a reversal was booked' })
  correctionReason!: string | null;

  @Field(() => Date, { nullable: true, description: '银行结果登记时间 / When the bank result was recorded' })
  settledAt!: Date | null;

  @Field(() => ID, { description: '记录人（管理员编号）/ Who made the entry (admin id)' })
  createdById!: string;

  @Field(() => Date)
  createdAt!: Date;

  /** Not a field: the key of the `region` field resolver. */
  regionId!: string;
}

@ObjectType('PaymentEdge', { simpleResolvers: true })
export class PaymentEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => PaymentType)
  node!: PaymentType;
}

@ObjectType('PaymentConnection', { simpleResolvers: true })
export class PaymentConnection {
  @Field(() => [PaymentEdge])
  edges!: PaymentEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType('DisbursementBatchEdge', { simpleResolvers: true })
export class DisbursementBatchEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => DisbursementBatchType)
  node!: DisbursementBatchType;
}

@ObjectType('DisbursementBatchConnection', { simpleResolvers: true })
export class DisbursementBatchConnection {
  @Field(() => [DisbursementBatchEdge])
  edges!: DisbursementBatchEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType('Reconciliation', {
  description:
    '对账：计划 = 已支付 + 失败 + 退回，精确到分 / Reconciliation: planned = paid + failed + returned, to the fen',
  simpleResolvers: true,
})
export class ReconciliationType {
  @Field(() => String, {
    nullable: true,
    description: '乡镇代码（整批为空）/ Township code (empty for the whole batch)',
  })
  regionCode!: string | null;

  @Field(() => String, { nullable: true, description: '乡镇名称 / Township name' })
  regionName!: string | null;

  @Field(() => Int, { description: '计划笔数 / Lines planned' })
  plannedCount!: number;

  @Field(() => String, { description: fenDescription('计划金额', 'Planned') })
  plannedFen!: string;

  @Field(() => Int, {
    description: '已支付笔数（含其后冲正的）/ Lines paid (including those reversed since)',
  })
  paidCount!: number;

  @Field(() => String, { description: fenDescription('已支付金额', 'Paid') })
  paidFen!: string;

  @Field(() => Int)
  failedCount!: number;

  @Field(() => String, { description: fenDescription('失败金额', 'Failed') })
  failedFen!: string;

  @Field(() => Int)
  returnedCount!: number;

  @Field(() => String, { description: fenDescription('退回金额', 'Returned') })
  returnedFen!: string;

  @Field(() => Int, { description: '未结笔数（待导出或已交银行）/ Lines not settled yet' })
  outstandingCount!: number;

  @Field(() => String, { description: fenDescription('未结金额', 'Not settled yet') })
  outstandingFen!: string;

  @Field(() => Int, { description: '已支付后被冲正的笔数 / Paid lines reversed since' })
  reversedCount!: number;

  @Field(() => String, { description: fenDescription('已冲正金额', 'Paid, then reversed') })
  reversedFen!: string;

  @Field(() => Int, { description: '本批次登记的冲正记录 / Reversal entries booked in this batch' })
  reversalCount!: number;

  @Field(() => String, {
    description: fenDescription('冲正记录金额（负数）', 'Reversal entries (negative)', '-72000', '-720'),
  })
  reversalFen!: string;

  @Field(() => Boolean, {
    description:
      '计划 = 已支付 + 失败 + 退回，且无未结 / planned = paid + failed + returned, nothing outstanding',
  })
  balanced!: boolean;
}

@ObjectType('DisbursementReconciliation', {
  description: '批次对账，整批及分乡镇 / A batch’s reconciliation, whole and per township',
  simpleResolvers: true,
})
export class BatchReconciliationType {
  @Field(() => ID)
  batchId!: string;

  @Field(() => ReconciliationType)
  total!: ReconciliationType;

  @Field(() => [ReconciliationType])
  townships!: ReconciliationType[];
}

@ObjectType('BankReturnRowError', {
  description:
    '回盘文件的一处错误（不含单元格内容）/ One problem in a bank return file (never the cell’s content)',
  simpleResolvers: true,
})
export class BankReturnRowErrorType {
  @Field(() => Int, {
    nullable: true,
    description: '行号（表头为第 1 行；整个文件为空）/ Row (the header is row 1); empty for the whole file',
  })
  row!: number | null;

  @Field(() => String, { nullable: true, description: '列（表头文字）/ Column, as headed' })
  column!: string | null;

  @Field(() => String, { description: '错误代码，如 UNKNOWN_PAYMENT / Error code' })
  code!: string;

  @Field(() => String)
  messageZh!: string;

  @Field(() => String)
  messageEn!: string;
}

@ObjectType('BankReturnResult', {
  description:
    '银行回盘登记结果：全部接受，或全部拒绝并列出错误 / A bank return: applied whole, or refused whole with its errors',
  simpleResolvers: true,
})
export class BankReturnResultType {
  @Field(() => Boolean, {
    description: '是否已登记（有任何错误则整份拒绝）/ Applied (any error refuses the whole file)',
  })
  accepted!: boolean;

  @Field(() => [BankReturnRowErrorType])
  rowErrors!: BankReturnRowErrorType[];

  @Field(() => Int)
  paidCount!: number;

  @Field(() => Int)
  failedCount!: number;

  @Field(() => Int)
  returnedCount!: number;

  @Field(() => Int, { description: '已是该结果、无需变更的行 / Rows naming a line already in that state' })
  unchangedCount!: number;

  @Field(() => DisbursementBatchType, {
    nullable: true,
    description: '登记后的批次 / The batch, once applied',
  })
  batch!: DisbursementBatchType | null;
}

import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionOf } from '../../graphql/connection.ts';
import { actorOf, type RequestContext } from '../../graphql/request-context.ts';
import { loadRegion } from '../regions/region.loader.ts';
import { RegionType } from '../regions/region.type.ts';
import {
  DisbursementBatchFilterInput,
  DisbursementBatchInput,
  PaymentFilterInput,
} from './disbursement.inputs.ts';
import type {
  BankReturnResultView,
  BatchReconciliationView,
  BatchView,
  PaymentView,
  ReconciliationView,
} from './disbursement.service.ts';
import {
  BankReturnResultType,
  type BatchPurposeEnum,
  BatchReconciliationType,
  type BatchStatusEnum,
  DisbursementBatchConnection,
  DisbursementBatchType,
  PaymentConnection,
  type PaymentEntryEnum,
  type PaymentStatusEnum,
  PaymentType,
  ReconciliationType,
} from './disbursement.type.ts';

const IDEMPOTENCY_KEY = {
  description:
    '幂等键：8–100 位字母、数字、“-”或“_”（建议 UUID）；同键重放返回首次结果，同键不同参数报错 / Idempotency key: 8–100 letters, digits, "-" or "_" (a UUID is best); a replay returns the first response, other parameters are refused',
};

export function toBatchType(view: BatchView): DisbursementBatchType {
  return { ...view, purpose: view.purpose as BatchPurposeEnum, status: view.status as BatchStatusEnum };
}

function toPaymentType(view: PaymentView): PaymentType {
  return { ...view, entry: view.entry as PaymentEntryEnum, status: view.status as PaymentStatusEnum };
}

const toReconciliationType = (view: ReconciliationView): ReconciliationType => ({ ...view });

function toBatchReconciliationType(view: BatchReconciliationView): BatchReconciliationType {
  return {
    batchId: view.batchId,
    total: toReconciliationType(view.total),
    townships: view.townships.map(toReconciliationType),
  };
}

function toBankReturnResultType(view: BankReturnResultView): BankReturnResultType {
  return {
    ...view,
    rowErrors: view.rowErrors.map((error) => ({ ...error })),
    batch: view.batch && toBatchType(view.batch),
  };
}

@Resolver(() => DisbursementBatchType)
export class DisbursementBatchResolver {
  @Query(() => DisbursementBatchConnection, {
    description:
      '发放批次，最新在前（含上级区划的批次）/ Disbursement batches, latest first (those above you included)',
  })
  async disbursementBatches(
    @Arg('first', () => Int, { nullable: true, description: '每页条数，最多 100 / Page size, at most 100' })
    first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => DisbursementBatchFilterInput, { nullable: true })
    filter: DisbursementBatchFilterInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<DisbursementBatchConnection> {
    const page = await ctx.services.disbursements.list(actorOf(ctx), { first, after }, filter ?? {});
    return connectionOf(page, after, toBatchType);
  }

  @Query(() => DisbursementBatchType, { description: '一个发放批次 / One disbursement batch' })
  async disbursementBatch(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<DisbursementBatchType> {
    return toBatchType(await ctx.services.disbursements.get(actorOf(ctx), id));
  }

  @Query(() => BatchReconciliationType, {
    description:
      '批次对账，整批及分乡镇（您可见的明细）/ A batch’s reconciliation, whole and per township (the lines you may see)',
  })
  async reconciliation(
    @Arg('batchId', () => ID) batchId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<BatchReconciliationType> {
    return toBatchReconciliationType(await ctx.services.disbursements.reconciliation(actorOf(ctx), batchId));
  }

  @FieldResolver(() => RegionType, { nullable: true, description: '批次区划 / Region of the batch' })
  async region(@Root() batch: DisbursementBatchType, @Ctx() ctx: RequestContext): Promise<RegionType | null> {
    return loadRegion(ctx, batch.regionId);
  }

  @FieldResolver(() => PaymentConnection, {
    description:
      '付款明细，按序号（您管辖范围内的）/ The batch’s lines in line order (those in your jurisdiction)',
  })
  async payments(
    @Root() batch: DisbursementBatchType,
    @Arg('first', () => Int, { nullable: true, description: '每页条数，最多 100 / Page size, at most 100' })
    first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => PaymentFilterInput, { nullable: true }) filter: PaymentFilterInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<PaymentConnection> {
    const actor = actorOf(ctx);
    const page = await ctx.loaders
      .get(
        `disbursement.payments:${first ?? ''}:${after ?? ''}:${filter?.status ?? ''}:${filter?.entry ?? ''}`,
        (ids) => ctx.services.disbursements.paymentPages(actor, ids, { first, after }, filter ?? {}),
      )
      .load(batch.id);
    return connectionOf(page, after, toPaymentType);
  }

  @FieldResolver(() => ReconciliationType, {
    name: 'reconciliation',
    description: '整批对账（您可见的明细）/ Reconciliation of the whole batch (the lines you may see)',
  })
  async batchReconciliation(
    @Root() batch: DisbursementBatchType,
    @Ctx() ctx: RequestContext,
  ): Promise<ReconciliationType> {
    const actor = actorOf(ctx);
    const view = await ctx.loaders
      .get('disbursement.reconciliation', (ids) =>
        ctx.services.disbursements.batchReconciliations(actor, ids),
      )
      .load(batch.id);
    return toReconciliationType(view);
  }

  @Mutation(() => DisbursementBatchType, {
    description:
      '按确认名单生成发放批次（乡镇或县级管理员）/ Make a batch from the confirmed roll (township or county admin)',
  })
  async createDisbursementBatch(
    @Arg('input', () => DisbursementBatchInput) input: DisbursementBatchInput,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY) idempotencyKey: string,
    @Ctx() ctx: RequestContext,
  ): Promise<DisbursementBatchType> {
    const { programId, period, regionCode } = input;
    return toBatchType(
      await ctx.services.disbursements.createBatch(
        actorOf(ctx),
        { programId, period, regionCode },
        idempotencyKey,
      ),
    );
  }

  @Mutation(() => DisbursementBatchType, {
    description:
      '审批发放批次（制单人以外的乡镇或县级管理员）/ Approve a batch (a township or county admin other than its maker)',
  })
  async approveDisbursementBatch(
    @Arg('id', () => ID) id: string,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY) idempotencyKey: string,
    @Arg('expectedVersion', () => Int, {
      nullable: true,
      description:
        '所审阅批次的版本号，批次已变则拒绝 / The version you reviewed: refused if the batch changed since',
    })
    expectedVersion: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<DisbursementBatchType> {
    return toBatchType(
      await ctx.services.disbursements.approveBatch(actorOf(ctx), id, idempotencyKey, expectedVersion),
    );
  }

  @Mutation(() => DisbursementBatchType, {
    description:
      '导出付款文件（仅一次；再次导出返回同一文件）/ Export the payment file (once; exporting again returns the same file)',
  })
  async exportDisbursementBatch(
    @Arg('id', () => ID) id: string,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY) idempotencyKey: string,
    @Ctx() ctx: RequestContext,
  ): Promise<DisbursementBatchType> {
    return toBatchType(await ctx.services.disbursements.exportBatch(actorOf(ctx), id, idempotencyKey));
  }

  @Mutation(() => BankReturnResultType, {
    description:
      '登记银行回盘文件（CSV：付款编号,结果,银行流水号,原因）；任何一行有误则整份拒绝 / Record a bank return file (CSV: 付款编号,结果,银行流水号,原因); any error refuses the whole file',
  })
  async recordBankReturn(
    @Arg('batchId', () => ID) batchId: string,
    @Arg('fileText', () => String, { description: '回盘文件内容（UTF-8 文本）/ The file’s text (UTF-8)' })
    fileText: string,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY) idempotencyKey: string,
    @Ctx() ctx: RequestContext,
  ): Promise<BankReturnResultType> {
    return toBankReturnResultType(
      await ctx.services.disbursements.recordBankReturn(actorOf(ctx), batchId, fileText, idempotencyKey),
    );
  }

  @Mutation(() => PaymentType, {
    description:
      '冲正已支付的付款（新增负数记录，原记录不改）/ Reverse a paid payment (a new negative entry; the original is not edited)',
  })
  async reversePayment(
    @Arg('paymentId', () => ID) paymentId: string,
    @Arg('reason', () => String, { description: '冲正原因，2–200 字 / Why, 2–200 characters' })
    reason: string,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY) idempotencyKey: string,
    @Ctx() ctx: RequestContext,
  ): Promise<PaymentType> {
    return toPaymentType(
      await ctx.services.disbursements.reversePayment(actorOf(ctx), paymentId, reason, idempotencyKey),
    );
  }

  @Mutation(() => PaymentType, {
    description:
      '补发失败、退回或已冲正的付款（进入更正批次，须审批后导出）/ Reissue a failed, returned or reversed payment (into a correction batch, approved and exported like any batch)',
  })
  async reissuePayment(
    @Arg('paymentId', () => ID) paymentId: string,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY) idempotencyKey: string,
    @Ctx() ctx: RequestContext,
  ): Promise<PaymentType> {
    return toPaymentType(
      await ctx.services.disbursements.reissuePayment(actorOf(ctx), paymentId, idempotencyKey),
    );
  }
}

@Resolver(() => PaymentType)
export class PaymentResolver {
  @FieldResolver(() => RegionType, {
    nullable: true,
    description: '受益人所在区划 / The beneficiary’s region',
  })
  async region(@Root() payment: PaymentType, @Ctx() ctx: RequestContext): Promise<RegionType | null> {
    return loadRegion(ctx, payment.regionId);
  }
}

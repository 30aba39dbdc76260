import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { connectionOf } from '../../graphql/connection.ts';
import { actorOf, type RequestContext } from '../../graphql/request-context.ts';
import type { RoleEnum } from '../identity/identity.type.ts';
import { AuditEventFilterInput } from './audit.inputs.ts';
import type { AuditEventView } from './audit.service.ts';
import {
  type AuditChainProblemEnum,
  AuditChainVerificationType,
  AuditEventConnection,
  AuditEventType,
} from './audit.type.ts';
import type { AuditChainReport } from './audit-chain.ts';

function toVerificationType(report: AuditChainReport): AuditChainVerificationType {
  return {
    intact: report.intact,
    verifiedRows: report.verifiedRows,
    headSeq: report.head.seq,
    headSha256: report.head.sha256,
    firstBrokenSeq: report.firstBrokenSeq,
    firstBrokenEventId: report.firstBrokenEventId,
    problem: report.problem as AuditChainProblemEnum | null,
    checkedAt: report.checkedAt,
  };
}

function toAuditEventType(view: AuditEventView): AuditEventType {
  return { ...view, userRole: view.userRole as RoleEnum };
}

@Resolver(() => AuditEventType)
export class AuditResolver {
  @Query(() => AuditChainVerificationType, {
    description:
      '校验整条审计链（县级管理员、审计监督员）/ Check the whole audit chain (county admins and auditors)',
  })
  async auditChainVerification(@Ctx() ctx: RequestContext): Promise<AuditChainVerificationType> {
    return toVerificationType(await ctx.services.audit.verifyChain(actorOf(ctx)));
  }

  @Query(() => AuditEventConnection, {
    description: '管辖范围内的审计记录，最新在前 / Audit events in your jurisdiction, newest first',
  })
  async auditEvents(
    @Arg('first', () => Int, { nullable: true, description: '每页条数，最多 100 / Page size, at most 100' })
    first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => AuditEventFilterInput, { nullable: true }) filter: AuditEventFilterInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<AuditEventConnection> {
    const page = await ctx.services.audit.listEvents(actorOf(ctx), { first, after }, filter ?? {});
    return connectionOf(page, after, toAuditEventType);
  }
}

import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionOf } from '../../graphql/connection.ts';
import { actorOf, type RequestContext } from '../../graphql/request-context.ts';
import { loadPerson } from '../persons/person.loaders.ts';
import { PersonType } from '../persons/person.type.ts';
import { EVIDENCE_LABELS } from '../programs/evidence-labels.ts';
import { loadProgram } from '../programs/program.resolver.ts';
import { type EvidenceKindEnum, ProgramType } from '../programs/program.type.ts';
import { loadRegion } from '../regions/region.loader.ts';
import { RegionType } from '../regions/region.type.ts';
import { EnrollmentFilterInput, EnrollmentInput } from './enrollment.inputs.ts';
import type { EnrollmentView } from './enrollment.service.ts';
import {
  EnrollmentConnection,
  type EnrollmentKindEnum,
  type EnrollmentStatusEnum,
  EnrollmentType,
  type ExitReasonEnum,
} from './enrollment.type.ts';
import type { EnrollmentFields } from './enrollment.validation.ts';

export function toEnrollmentType(view: EnrollmentView): EnrollmentType {
  return {
    id: view.id,
    programId: view.programId,
    personId: view.personId,
    personName: view.personName,
    year: view.year,
    kind: view.kind as EnrollmentKindEnum,
    exitReason: view.exitReason as ExitReasonEnum | null,
    variant: view.variant,
    evidence: view.evidence.map((item) => ({
      kind: item.kind as EvidenceKindEnum,
      labelZh: EVIDENCE_LABELS[item.kind]?.zh ?? item.kind,
      labelEn: EVIDENCE_LABELS[item.kind]?.en ?? item.kind,
      documentNumber: item.documentNumber,
      issuedOn: item.issuedOn,
    })),
    status: view.status as EnrollmentStatusEnum,
    submittedBy: view.submittedBy,
    submittedAt: view.submittedAt,
    reviewedBy: view.reviewedBy,
    reviewedAt: view.reviewedAt,
    approvedBy: view.approvedBy,
    approvedAt: view.approvedAt,
    rejectedBy: view.rejectedBy,
    rejectedAt: view.rejectedAt,
    rejectionReason: view.rejectionReason,
    noticeId: view.noticeId,
    objectionToken: view.objectionToken,
    version: view.version,
    regionId: view.regionId,
  };
}

function toFields(input: EnrollmentInput): EnrollmentFields {
  return {
    programId: input.programId,
    personId: input.personId,
    year: input.year,
    kind: input.kind,
    exitReason: input.exitReason ?? null,
    evidence: input.evidence.map((item) => ({
      kind: item.kind,
      documentNumber: item.documentNumber,
      issuedOn: item.issuedOn,
    })),
  };
}

@Resolver(() => EnrollmentType)
export class EnrollmentResolver {
  @Query(() => EnrollmentType, { description: '一条对象申报 / One enrollment' })
  async enrollment(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<EnrollmentType> {
    return toEnrollmentType(await ctx.services.enrollments.get(actorOf(ctx), id));
  }

  @Query(() => EnrollmentConnection, {
    description: '对象申报列表，最近申报的在前 / Enrollments, latest submission first',
  })
  async enrollments(
    @Arg('first', () => Int, { nullable: true, description: '每页条数，最多 100 / Page size, at most 100' })
    first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => EnrollmentFilterInput, { nullable: true }) filter: EnrollmentFilterInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<EnrollmentConnection> {
    const page = await ctx.services.enrollments.list(actorOf(ctx), { first, after }, filter ?? {});
    return connectionOf(page, after, toEnrollmentType);
  }

  @FieldResolver(() => ProgramType, { nullable: true })
  async program(@Root() enrollment: EnrollmentType, @Ctx() ctx: RequestContext): Promise<ProgramType | null> {
    return loadProgram(ctx, enrollment.programId);
  }

  @FieldResolver(() => PersonType, {
    nullable: true,
    description: '人员（身份证号脱敏）/ The person (ID number masked)',
  })
  async person(@Root() enrollment: EnrollmentType, @Ctx() ctx: RequestContext): Promise<PersonType | null> {
    return loadPerson(ctx, enrollment.personId);
  }

  @FieldResolver(() => RegionType, {
    nullable: true,
    description: '人员户籍所在区划 / Where the person is registered',
  })
  async region(@Root() enrollment: EnrollmentType, @Ctx() ctx: RequestContext): Promise<RegionType | null> {
    return loadRegion(ctx, enrollment.regionId);
  }

  @Mutation(() => EnrollmentType, {
    description:
      '申报对象（村、乡镇或县级；特别扶助由乡镇或县级申报）；材料不全或不符合条件的不予受理 / Submit a person (village, township or county; special assistance by the township or county); incomplete or ineligible submissions are refused',
  })
  async submitEnrollment(
    @Arg('input', () => EnrollmentInput) input: EnrollmentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<EnrollmentType> {
    return toEnrollmentType(await ctx.services.enrollments.submit(actorOf(ctx), toFields(input)));
  }

  @Mutation(() => EnrollmentType, { description: '重新申报已退回的对象 / Resubmit a sent-back enrollment' })
  async resubmitEnrollment(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => EnrollmentInput) input: EnrollmentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<EnrollmentType> {
    return toEnrollmentType(
      await ctx.services.enrollments.resubmit(actorOf(ctx), id, expectedVersion, toFields(input)),
    );
  }

  @Mutation(() => EnrollmentType, {
    description: '审核（乡镇或县级管理员，非申报人）/ Review (township or county admin, not the submitter)',
  })
  async reviewEnrollment(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ): Promise<EnrollmentType> {
    return toEnrollmentType(await ctx.services.enrollments.review(actorOf(ctx), id, expectedVersion));
  }

  @Mutation(() => EnrollmentType, {
    description:
      '审批（县级管理员，非申报人、非审核人）/ Approve (county admin, neither submitter nor reviewer)',
  })
  async approveEnrollment(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ): Promise<EnrollmentType> {
    return toEnrollmentType(await ctx.services.enrollments.approve(actorOf(ctx), id, expectedVersion));
  }

  @Mutation(() => EnrollmentType, {
    description:
      '退回申报并说明原因（乡镇或县级管理员，非申报人）/ Send back with a reason (township or county admin, not the submitter)',
  })
  async rejectEnrollment(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('reason', () => String, { description: '退回原因，2–500 字 / Reason, 2–500 characters' })
    reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<EnrollmentType> {
    return toEnrollmentType(await ctx.services.enrollments.reject(actorOf(ctx), id, expectedVersion, reason));
  }
}

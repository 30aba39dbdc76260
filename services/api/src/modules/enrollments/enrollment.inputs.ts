import '../../reflect-metadata.ts';
import { Field, ID, InputType, Int } from 'type-graphql';
import { EvidenceKindEnum } from '../programs/program.type.ts';
import { EnrollmentKindEnum, EnrollmentStatusEnum, ExitReasonEnum } from './enrollment.type.ts';

@InputType('EvidenceInput', { description: '一份证明材料 / A piece of evidence' })
export class EvidenceInput {
  @Field(() => EvidenceKindEnum)
  kind!: EvidenceKindEnum;

  @Field(() => String, {
    description:
      '证件或文书编号，1–60 字；不得填写身份证号、手机号等个人号码 / Document number, 1–60 characters; never an ID, phone or other personal number',
  })
  documentNumber!: string;

  @Field(() => String, { description: '出具日期 YYYY-MM-DD，不晚于今天 / Issued on, not in the future' })
  issuedOn!: string;
}

@InputType('EnrollmentInput', {
  description:
    '对象申报：须附该项目此类申报要求的全部材料 / A submission, with every piece of evidence the program requires',
})
export class EnrollmentInput {
  @Field(() => ID)
  programId!: string;

  @Field(() => ID)
  personId!: string;

  @Field(() => Int, { description: '年度 / Year' })
  year!: number;

  @Field(() => EnrollmentKindEnum)
  kind!: EnrollmentKindEnum;

  @Field(() => ExitReasonEnum, { nullable: true, description: '退出时必填 / Required for an exit' })
  exitReason?: ExitReasonEnum | null;

  @Field(() => [EvidenceInput])
  evidence!: EvidenceInput[];
}

@InputType('EnrollmentFilter')
export class EnrollmentFilterInput {
  @Field(() => ID, { nullable: true })
  programId?: string | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => EnrollmentStatusEnum, { nullable: true })
  status?: EnrollmentStatusEnum | null;

  @Field(() => EnrollmentKindEnum, { nullable: true })
  kind?: EnrollmentKindEnum | null;

  @Field(() => String, { nullable: true, description: '区划及其下级 / This region and below' })
  regionCode?: string | null;

  @Field(() => ID, { nullable: true, description: '某次公示的名单 / Those on one public notice' })
  noticeId?: string | null;
}

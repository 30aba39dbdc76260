import '../../reflect-metadata.ts';
import { Field, ID, InputType, Int } from 'type-graphql';
import { PlanningStatusEnum, SensitiveStatusEnum } from '../households/household.type.ts';
import { fenDescription } from '../projects/project.type.ts';
import {
  AmountUnitEnum,
  EvidenceKindEnum,
  FundingTierEnum,
  NoticeDayKindEnum,
  PaymentPeriodEnum,
  ProgramKindEnum,
  VariantFactEnum,
  VillageKindEnum,
} from './program.type.ts';

@InputType('EligibilityRulesInput', {
  description: '资格条件；不填的条件不检查 / Eligibility rules; empty ones are not checked',
})
export class EligibilityRulesInput {
  @Field(() => Int, {
    nullable: true,
    description: '该年度至少年满（周岁），0–120 / At least this age in the year',
  })
  minAge?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: '该年度至多（周岁），0–120 / At most this age in the year',
  })
  maxAge?: number | null;

  @Field(() => [PlanningStatusEnum], { nullable: true })
  householdPlanningStatuses?: PlanningStatusEnum[] | null;

  @Field(() => [SensitiveStatusEnum], {
    nullable: true,
    description: '仅特别扶助等由乡镇、县级申报的项目使用 / Only for programs the township or county submits',
  })
  householdSensitiveStatuses?: SensitiveStatusEnum[] | null;

  @Field(() => Boolean, { nullable: true, description: '须为困难家庭 / Must be a household in difficulty' })
  householdInDifficulty?: boolean | null;

  @Field(() => [VillageKindEnum], { nullable: true })
  regionKinds?: VillageKindEnum[] | null;

  @Field(() => [VariantFactEnum], {
    nullable: true,
    description:
      '决定标准档次的事实，依次组合成档次名，如 DIED_RURAL / Facts that pick the variant, joined in order, e.g. DIED_RURAL',
  })
  variantBy?: VariantFactEnum[] | null;
}

@InputType('RequiredEvidenceInput', {
  description: '各类申报须附的证明材料 / Evidence each kind of submission must carry',
})
export class RequiredEvidenceInput {
  @Field(() => [EvidenceKindEnum], { nullable: true, description: '新增 / New entrants' })
  new?: EvidenceKindEnum[] | null;

  @Field(() => [EvidenceKindEnum], { nullable: true, description: '继续享受 / Continuing' })
  continuing?: EvidenceKindEnum[] | null;

  @Field(() => [EvidenceKindEnum], { nullable: true, description: '退出 / Exits' })
  exited?: EvidenceKindEnum[] | null;
}

@InputType('CreateProgramInput', {
  description: '新建扶助项目（属于本县）/ A new benefit program (of your county)',
})
export class CreateProgramInput {
  @Field(() => String, {
    description:
      '项目编码：大写字母开头，字母、数字、连字符，2–40 位 / Code: capital letter first, A–Z 0–9 -, 2–40 long',
  })
  code!: string;

  @Field(() => String, { description: '名称，2–100 字 / Name, 2–100 characters' })
  name!: string;

  @Field(() => ProgramKindEnum)
  kind!: ProgramKindEnum;

  @Field(() => FundingTierEnum)
  fundingTier!: FundingTierEnum;

  @Field(() => AmountUnitEnum)
  amountUnit!: AmountUnitEnum;

  @Field(() => PaymentPeriodEnum)
  paymentPeriod!: PaymentPeriodEnum;

  @Field(() => [String], {
    nullable: true,
    description:
      '标准档次；不填则按资格条件的 variantBy 得出 / Variants; empty: derived from the eligibility rules’ variantBy',
  })
  variants?: string[] | null;

  @Field(() => EligibilityRulesInput)
  eligibility!: EligibilityRulesInput;

  @Field(() => RequiredEvidenceInput)
  requiredEvidence!: RequiredEvidenceInput;

  @Field(() => Int, {
    nullable: true,
    description: '公示天数 1–30，默认 7 / Days of public notice, 1–30, default 7',
  })
  noticeDays?: number | null;

  @Field(() => NoticeDayKindEnum, { nullable: true, description: '默认自然日 / Default: calendar days' })
  noticeDayKind?: NoticeDayKindEnum | null;

  @Field(() => String, { description: '受理异议的单位 / Office that takes objections' })
  objectionOffice!: string;

  @Field(() => String, {
    description:
      '受理异议的电话：座机 0571-12345678、手机或 12345 / Phone: landline with area code, mobile, or 12345',
  })
  objectionPhone!: string;

  @Field(() => String, {
    description: fenDescription('单笔发放下限，大于 0', 'Smallest single payment, above 0', '60000', '600'),
  })
  minAmountFen!: string;

  @Field(() => String, {
    description: fenDescription(
      '单笔发放上限，不超过 10000000',
      'Largest single payment, at most 10000000',
      '200000',
      '2,000',
    ),
  })
  maxAmountFen!: string;

  @Field(() => String, { description: '依据文件，2–200 字 / Source document, 2–200 characters' })
  sourceDocument!: string;
}

@InputType('AddProgramStandardInput', { description: '新增一段补助标准 / A standard over a period' })
export class AddProgramStandardInput {
  @Field(() => ID)
  programId!: string;

  @Field(() => String, { nullable: true, description: '档次，默认 DEFAULT / Variant, default DEFAULT' })
  variant?: string | null;

  @Field(() => String, { description: '起始日期（含）YYYY-MM-DD / In force from (inclusive)' })
  effectiveFrom!: string;

  @Field(() => String, {
    nullable: true,
    description: '停止适用的第一天（不含）；空为现行 / First day it no longer applies; empty while in force',
  })
  effectiveUntil?: string | null;

  @Field(() => String, {
    description: fenDescription(
      '金额（按项目计量单位）',
      "Amount, per the program's amount unit",
      '72000',
      '720',
    ),
  })
  amountFen!: string;

  @Field(() => String, { description: '依据文件，2–200 字 / Source document, 2–200 characters' })
  sourceDocument!: string;
}

@InputType('LoadProgramCatalogueInput', {
  description:
    '载入项目目录时的默认异议受理单位和电话 / Objection office and phone for the catalogue’s programs',
})
export class LoadProgramCatalogueInput {
  @Field(() => String, {
    nullable: true,
    description: '默认：本县卫生健康局 / Default: the county health bureau',
  })
  objectionOffice?: string | null;

  @Field(() => String, { nullable: true, description: '默认 12345 / Default 12345' })
  objectionPhone?: string | null;
}

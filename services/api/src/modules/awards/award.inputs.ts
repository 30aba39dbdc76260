import '../../reflect-metadata.ts';
import { Field, ID, InputType, Int } from 'type-graphql';
import { fenDescription } from '../projects/project.type.ts';
import { AwardCategoryEnum } from './award.type.ts';

@InputType('AwardRoundInput', {
  description: '表彰内容（发起区划不可更改）/ Round fields (the issuing region never changes)',
})
export class AwardRoundInput {
  @Field(() => String, { description: '标题，2–200 字 / Title, 2–200 characters' })
  title!: string;

  @Field(() => Int, { description: '表彰年度 / The year commended' })
  year!: number;

  @Field(() => String, { description: '发文机关 / Issuing body' })
  issuingBody!: string;

  @Field(() => String, {
    description:
      '文号，如 青计协发〔2025〕3号，年份为发文年份 / Document number; its year is the year issued',
  })
  documentNumber!: string;

  @Field(() => String, {
    description: '发文日期 YYYY-MM-DD，为表彰年度当年或次年 / Date issued, in the year commended or the next',
  })
  issuedOn!: string;
}

@InputType('CreateAwardRoundInput', { description: '新建表彰 / A new round' })
export class CreateAwardRoundInput extends AwardRoundInput {
  @Field(() => String, {
    description: '发起区划（县或乡镇）代码 / Code of the issuing region (county or township)',
  })
  regionCode!: string;
}

@InputType('AwardRecipientInput', {
  description: '获表彰对象的内容（对象本身不可更改）/ Recipient fields (who is commended never changes)',
})
export class AwardRecipientInput {
  @Field(() => AwardCategoryEnum, {
    description:
      '先进集体只用于协会，其余只用于个人 / ADVANCED_UNIT for associations, the others for persons',
  })
  category!: AwardCategoryEnum;

  @Field(() => String, {
    description:
      '事迹评语，2–500 字；将公开发布，不得含身份证号、手机号等号码 / Citation, 2–500 characters; published, so no ID, phone or other personal numbers',
  })
  citation!: string;

  @Field(() => String, {
    nullable: true,
    description: fenDescription(
      '奖金，0 到 10000000 分；不填为无奖金',
      'Prize money, 0 to 10000000 fen; empty for none',
      '50000',
      '500',
    ),
  })
  prizeFen?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      '本人同意公开全名；仅适用于个人，不填为否 / The person consented to their full name being published; persons only, empty means no',
  })
  namePublicationConsent?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description:
      '同意登记日期 YYYY-MM-DD，同意时必填且不晚于今天 / Day the consent was recorded; required with consent, not in the future',
  })
  consentRecordedOn?: string | null;
}

@InputType('AddAwardRecipientInput', {
  description: '新增获表彰对象：协会或人员，二者选一 / A new recipient: an association or a person',
})
export class AddAwardRecipientInput extends AwardRecipientInput {
  @Field(() => ID, { description: '所属表彰 / The round' })
  roundId!: string;

  @Field(() => ID, { nullable: true, description: '获表彰的协会 / The association commended' })
  associationId?: string | null;

  @Field(() => ID, { nullable: true, description: '获表彰的人员 / The person commended' })
  personId?: string | null;
}

@InputType('AwardRoundFilter')
export class AwardRoundFilterInput {
  @Field(() => String, {
    nullable: true,
    description: '发起区划及其下级 / Rounds issued in this region or below',
  })
  regionCode?: string | null;

  @Field(() => Int, { nullable: true, description: '表彰年度 / The year commended' })
  year?: number | null;
}

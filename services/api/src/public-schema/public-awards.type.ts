import '../reflect-metadata.ts';
import { Extensions, Field, ID, Int, ObjectType } from 'type-graphql';
import { PublicRegion } from './public-policy.type.ts';

// Descriptions here become the data dictionary of the published dataset: written for residents.

@ObjectType('PublicAwardRound', { description: '表彰决定', simpleResolvers: true })
export class PublicAwardRound {
  @Field(() => ID, { description: '表彰决定编号（系统内唯一标识）' })
  id!: string;

  @Field(() => String, { description: '标题' })
  title!: string;

  @Field(() => Int, { description: '表彰年度' })
  year!: number;

  @Field(() => String, { description: '文号' })
  documentNumber!: string;

  @Field(() => String, { description: '发文机关' })
  issuingBody!: string;

  @Field(() => String, { description: '发文日期（YYYY-MM-DD）' })
  issuedOn!: string;

  @Field(() => PublicRegion, { description: '作出表彰的县或乡镇' })
  region!: PublicRegion;
}

@ObjectType('PublicAwardRecipient', { description: '受表彰的集体或个人', simpleResolvers: true })
export class PublicAwardRecipient {
  @Field(() => ID, { description: '受表彰记录编号（系统内唯一标识）' })
  id!: string;

  @Field(() => String, {
    description:
      '表彰类别代码：ADVANCED_UNIT 先进集体、ADVANCED_INDIVIDUAL 先进个人、EXCELLENT_MEMBER 优秀会员、EXCELLENT_VOLUNTEER 优秀志愿者',
  })
  category!: string;

  @Field(() => String, { description: '表彰类别' })
  categoryLabel!: string;

  @Extensions({ disclosure: { kind: 'MASKED_NAME' } })
  @Field(() => String, {
    description:
      '受表彰者：集体为协会名称；个人经本人书面同意公开的写全名，否则只显示姓和末字（如 张*娓、张*）',
  })
  recipientName!: string;

  @Field(() => Boolean, { description: '姓名是否已部分隐去（未经本人同意公开全名的个人）' })
  nameMasked!: boolean;

  @Field(() => String, { description: '表彰事迹（评语）' })
  citation!: string;

  @Extensions({ disclosure: { kind: 'AMOUNT_FEN' } })
  @Field(() => String, {
    nullable: true,
    description: '奖金，单位为分（如 "50000" 即 500 元）；无奖金时为空',
  })
  prizeFen!: string | null;

  @Field(() => PublicRegion, { description: '受表彰者所在的村（社区）、乡镇或县' })
  region!: PublicRegion;

  @Field(() => PublicAwardRound, { description: '所属表彰决定' })
  round!: PublicAwardRound;
}

import '../../reflect-metadata.ts';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { SortDirectionEnum } from '../policies/policy.inputs.ts';
import { MemberRoleEnum } from './member.type.ts';

@InputType('MemberUpdateInput', {
  description: '要修改的内容，未给出的字段不变，null 清除 / Fields to change; left out stays, null clears',
})
export class MemberUpdateInput {
  @Field(() => MemberRoleEnum, { nullable: true })
  role?: MemberRoleEnum | null;

  @Field(() => String, { nullable: true, description: '会员证号 4–30 位 / Card number, 4–30 characters' })
  cardNumber?: string | null;

  @Field(() => Int, { nullable: true, description: '会费已缴至年度 / Latest year whose dues are paid' })
  duesPaidYear?: number | null;

  @Field(() => ID, {
    nullable: true,
    description: '会员小组（须属同一协会）/ Member group of the same association',
  })
  groupId?: string | null;

  @Field(() => String, { nullable: true, description: '入会日期 YYYY-MM-DD / Joined on' })
  joinedOn?: string | null;
}

@InputType('AddMemberInput', { description: '新会员 / A new member' })
export class AddMemberInput {
  @Field(() => ID)
  associationId!: string;

  @Field(() => ID)
  personId!: string;

  @Field(() => MemberRoleEnum, { nullable: true, description: '默认会员 / MEMBER when left out' })
  role?: MemberRoleEnum | null;

  @Field(() => String, { nullable: true, description: '会员证号 4–30 位 / Card number, 4–30 characters' })
  cardNumber?: string | null;

  @Field(() => Int, { nullable: true, description: '会费已缴至年度 / Latest year whose dues are paid' })
  duesPaidYear?: number | null;

  @Field(() => ID, {
    nullable: true,
    description: '会员小组（须属同一协会）/ Member group of the same association',
  })
  groupId?: string | null;

  @Field(() => String, { nullable: true, description: '入会日期 YYYY-MM-DD / Joined on' })
  joinedOn?: string | null;
}

@InputType('MemberFilter')
export class MemberFilterInput {
  @Field(() => ID, { nullable: true })
  associationId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '区划及其下级的协会 / Associations in this region and below',
  })
  regionCode?: string | null;

  @Field(() => MemberRoleEnum, { nullable: true })
  role?: MemberRoleEnum | null;

  @Field(() => ID, { nullable: true })
  groupId?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: '该年度会费未缴的会员 / Members whose dues for this year are unpaid',
  })
  duesUnpaidForYear?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true 在册；false 已退会 / true: current; false: left',
  })
  active?: boolean | null;

  @Field(() => String, { nullable: true, description: '姓名或会员证号 / Name or card number' })
  search?: string | null;
}

export enum MemberSortFieldEnum {
  NAME = 'NAME',
  CARD_NUMBER = 'CARD_NUMBER',
  JOINED_ON = 'JOINED_ON',
}
registerEnumType(MemberSortFieldEnum, { name: 'MemberSortField' });

@InputType('MemberOrder')
export class MemberOrderInput {
  @Field(() => MemberSortFieldEnum)
  field!: MemberSortFieldEnum;

  @Field(() => SortDirectionEnum)
  direction!: SortDirectionEnum;
}

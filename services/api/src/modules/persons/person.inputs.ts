import '../../reflect-metadata.ts';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { SortDirectionEnum } from '../policies/policy.inputs.ts';
import { HouseholdRelationEnum, SexEnum } from './person.type.ts';

@InputType('RegisterPersonInput', { description: '登记人员 / Register a person' })
export class RegisterPersonInput {
  @Field(() => String)
  name!: string;

  @Field(() => String, { description: '居民身份证号（18 位）/ Resident ID number (18 characters)' })
  residentId!: string;

  @Field(() => String, { nullable: true, description: '大陆手机号 / Mainland mobile number' })
  phone?: string | null;

  @Field(() => String, {
    description: '户籍地区划代码（村或村民小组）/ Registered region (village or group)',
  })
  registeredRegionCode!: string;

  @Field(() => String, {
    nullable: true,
    description: '现居地区划代码，不填则同户籍地 / Current region; defaults to the registered one',
  })
  currentRegionCode?: string | null;

  @Field(() => ID, { nullable: true, description: '所属户 / Household' })
  householdId?: string | null;

  @Field(() => HouseholdRelationEnum, { nullable: true, description: '与户主关系（有户时必填）/ Relation' })
  relation?: HouseholdRelationEnum | null;

  @Field(() => SexEnum, {
    nullable: true,
    description: '可不填；填写时须与身份证号一致 / Optional; must agree',
  })
  sex?: SexEnum | null;

  @Field(() => String, {
    nullable: true,
    description: '可不填；填写时须与身份证号一致 / Optional birth date; must agree with the ID number',
  })
  birthDate?: string | null;
}

@InputType('UpdatePersonInput', { description: '修改人员信息 / Edit a person' })
export class UpdatePersonInput {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: '不填则删除 / Empty removes the phone' })
  phone?: string | null;

  @Field(() => String)
  registeredRegionCode!: string;

  @Field(() => String, { nullable: true })
  currentRegionCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      '更正身份证号，仅县级管理员；不填则不变 / Correct the ID number (county admins only); omit to keep it',
  })
  residentId?: string | null;

  @Field(() => SexEnum, { nullable: true })
  sex?: SexEnum | null;

  @Field(() => String, { nullable: true })
  birthDate?: string | null;
}

@InputType('PersonFilter')
export class PersonFilterInput {
  @Field(() => String, {
    nullable: true,
    description: '户籍地区划及其下级 / Registered in this region or below',
  })
  regionCode?: string | null;

  @Field(() => String, { nullable: true, description: '现居地区划及其下级 / Living in this region or below' })
  currentRegionCode?: string | null;

  @Field(() => ID, { nullable: true })
  householdId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '姓名，或完整的身份证号（精确匹配）/ Name, or a complete ID number (exact match)',
  })
  search?: string | null;

  @Field(() => SexEnum, { nullable: true })
  sex?: SexEnum | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  bornFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  bornTo?: string | null;

  @Field(() => Boolean, { nullable: true, description: '已迁出 / Moved away' })
  movedAway?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '已故 / Deceased' })
  deceased?: boolean | null;
}

export enum PersonSortFieldEnum {
  NAME = 'NAME',
  BIRTH_DATE = 'BIRTH_DATE',
  CREATED = 'CREATED',
}
registerEnumType(PersonSortFieldEnum, { name: 'PersonSortField' });

@InputType('PersonOrder')
export class PersonOrderInput {
  @Field(() => PersonSortFieldEnum)
  field!: PersonSortFieldEnum;

  @Field(() => SortDirectionEnum)
  direction!: SortDirectionEnum;
}

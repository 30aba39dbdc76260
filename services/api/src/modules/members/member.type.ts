import '../../reflect-metadata.ts';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../graphql/page-info.type.ts';
import { HouseholdType } from '../households/household.type.ts';
import { PersonType } from '../persons/person.type.ts';

export const MEMBER_ROLES = [
  'MEMBER',
  'DIRECTOR',
  'STANDING_DIRECTOR',
  'PRESIDENT',
  'VICE_PRESIDENT',
  'FULL_TIME_VICE_PRESIDENT',
  'SECRETARY_GENERAL',
  'GROUP_LEADER',
] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export enum MemberRoleEnum {
  MEMBER = 'MEMBER',
  DIRECTOR = 'DIRECTOR',
  STANDING_DIRECTOR = 'STANDING_DIRECTOR',
  PRESIDENT = 'PRESIDENT',
  VICE_PRESIDENT = 'VICE_PRESIDENT',
  FULL_TIME_VICE_PRESIDENT = 'FULL_TIME_VICE_PRESIDENT',
  SECRETARY_GENERAL = 'SECRETARY_GENERAL',
  GROUP_LEADER = 'GROUP_LEADER',
}
registerEnumType(MemberRoleEnum, {
  name: 'MemberRole',
  description: '会员在协会中的职务 / Role of a member in the association',
  valuesConfig: {
    MEMBER: { description: '会员 / Member' },
    DIRECTOR: { description: '理事 / Director' },
    STANDING_DIRECTOR: { description: '常务理事 / Standing director' },
    PRESIDENT: { description: '会长 / President' },
    VICE_PRESIDENT: { description: '副会长 / Vice president' },
    FULL_TIME_VICE_PRESIDENT: { description: '专职副会长 / Full-time vice president' },
    SECRETARY_GENERAL: { description: '秘书长 / Secretary-general' },
    GROUP_LEADER: { description: '小组长 / Group leader' },
  },
});

/**
 * A member (会员) of an association. Field resolvers (association, group, contactHouseholds) live
 * in member.resolver.ts. The person is null when the caller may not see them (registered outside
 * the caller's region).
 */
@ObjectType('Member', { description: '会员 / Member of an association', simpleResolvers: true })
export class MemberType {
  @Field(() => ID)
  id!: string;

  @Field(() => MemberRoleEnum)
  role!: MemberRoleEnum;

  @Field(() => String, { nullable: true, description: '会员证号 / Membership card number' })
  cardNumber!: string | null;

  @Field(() => Int, { nullable: true, description: '会费已缴至年度 / Latest year whose dues are paid' })
  duesPaidYear!: number | null;

  @Field(() => String, { nullable: true, description: '入会日期 YYYY-MM-DD / Joined on' })
  joinedOn!: string | null;

  @Field(() => String, { nullable: true, description: '退会日期 YYYY-MM-DD / Left on' })
  leftOn!: string | null;

  @Field(() => Boolean, { description: '在册（未退会）/ Still a member' })
  active!: boolean;

  @Field(() => PersonType, {
    nullable: true,
    description: '本人（不在您管辖范围时为空）/ The person, null outside your scope',
  })
  person!: PersonType | null;

  @Field(() => Int, { description: '乐观锁版本号 / Version for optimistic locking' })
  version!: number;

  /** Not fields: keys for the field resolvers. */
  associationId!: string;
  groupId!: string | null;
}

@ObjectType('ContactHousehold', {
  description: '会员联系户（帮扶结对）/ A household a member keeps in contact with',
  simpleResolvers: true,
})
export class ContactHouseholdType {
  @Field(() => HouseholdType, {
    nullable: true,
    description: '户（不在您管辖范围时为空）/ The household, null outside your scope',
  })
  household!: HouseholdType | null;

  @Field(() => String, { nullable: true, description: '结对日期 YYYY-MM-DD / In contact since' })
  since!: string | null;
}

@ObjectType('MemberEdge', { simpleResolvers: true })
export class MemberEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => MemberType)
  node!: MemberType;
}

@ObjectType('MemberConnection', { simpleResolvers: true })
export class MemberConnection {
  @Field(() => [MemberEdge])
  edges!: MemberEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

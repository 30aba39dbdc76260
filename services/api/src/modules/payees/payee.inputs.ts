import '../../reflect-metadata.ts';
import { Field, ID, InputType, Int } from 'type-graphql';
import { PayeeProxyStatusEnum } from './payee.type.ts';

@InputType('PersonAccountInput', { description: '收款账户 / A person account' })
export class PersonAccountInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => String, { description: '开户行，2–60 字 / Bank, 2–60 characters' })
  bank!: string;

  @Field(() => String, {
    description:
      '账号，12–30 位数字，可用空格分组 / Account number, 12–30 digits, spaces between groups allowed',
  })
  accountNumber!: string;

  @Field(() => Int, {
    nullable: true,
    description: '修改已有账户时必填：其当前版本号 / When changing an existing account: its current version',
  })
  expectedVersion?: number | null;
}

@InputType('PayeeProxyInput', { description: '代领人登记 / A payee proxy registration' })
export class PayeeProxyInput {
  @Field(() => ID, { description: '受益人 / The beneficiary' })
  personId!: string;

  @Field(() => ID, {
    description: '代领人（须已登记收款账户）/ The proxy (needs a person account to be paid)',
  })
  proxyPersonId!: string;

  @Field(() => String, { description: '代领原因，2–200 字 / Why, 2–200 characters' })
  reason!: string;
}

@InputType('PayeeProxyFilter')
export class PayeeProxyFilterInput {
  @Field(() => ID, { nullable: true, description: '受益人或代领人 / Beneficiary or proxy' })
  personId?: string | null;

  @Field(() => PayeeProxyStatusEnum, { nullable: true })
  status?: PayeeProxyStatusEnum | null;

  @Field(() => String, { nullable: true, description: '区划及其下级 / This region and below' })
  regionCode?: string | null;
}

import '../../reflect-metadata.ts';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../graphql/page-info.type.ts';

export enum PayeeProxyStatusEnum {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REVOKED = 'REVOKED',
}
registerEnumType(PayeeProxyStatusEnum, {
  name: 'PayeeProxyStatus',
  description: '代领人登记状态 / State of a payee proxy',
  valuesConfig: {
    PENDING: { description: '待审核 / Waiting for a second admin' },
    APPROVED: { description: '已批准 / Approved' },
    REVOKED: { description: '已撤销 / Revoked' },
  },
});

@ObjectType('PersonAccount', {
  description: '收款账户（账号脱敏）/ The account a person is paid into (number masked)',
  simpleResolvers: true,
})
export class PersonAccountType {
  @Field(() => ID)
  personId!: string;

  @Field(() => String, { description: '开户行 / Bank' })
  bank!: string;

  @Field(() => String, {
    description: '账号，仅显示前四位和后四位 / Account number, first and last four digits only',
  })
  accountNumberMasked!: string;

  @Field(() => Date)
  updatedAt!: Date;

  @Field(() => Int, { description: '乐观锁版本号 / Version for optimistic locking' })
  version!: number;
}

@ObjectType('PayeeProxy', {
  description:
    '代领人：经第二位管理员批准后，可代受益人领取款项 / A proxy who may collect for a beneficiary once a second admin approves',
  simpleResolvers: true,
})
export class PayeeProxyType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: '受益人 / The beneficiary' })
  personId!: string;

  @Field(() => String, { nullable: true, description: '受益人姓名 / Beneficiary name' })
  personName!: string | null;

  @Field(() => ID, { description: '代领人 / The proxy' })
  proxyPersonId!: string;

  @Field(() => String, {
    nullable: true,
    description: '代领人姓名（不在管辖范围内时为空）/ Proxy name (empty when outside your jurisdiction)',
  })
  proxyPersonName!: string | null;

  @Field(() => String, { description: '代领原因 / Why someone else collects' })
  reason!: string;

  @Field(() => PayeeProxyStatusEnum)
  status!: PayeeProxyStatusEnum;

  @Field(() => ID, { description: '登记人（管理员编号）/ Who registered it (admin id)' })
  createdById!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => ID, { nullable: true, description: '批准人（管理员编号）/ Who approved it (admin id)' })
  approvedById!: string | null;

  @Field(() => Date, { nullable: true })
  approvedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => Int, { description: '乐观锁版本号 / Version for optimistic locking' })
  version!: number;
}

@ObjectType('PayeeProxyEdge', { simpleResolvers: true })
export class PayeeProxyEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => PayeeProxyType)
  node!: PayeeProxyType;
}

@ObjectType('PayeeProxyConnection', { simpleResolvers: true })
export class PayeeProxyConnection {
  @Field(() => [PayeeProxyEdge])
  edges!: PayeeProxyEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { connectionOf } from '../../graphql/connection.ts';
import { actorOf, type RequestContext } from '../../graphql/request-context.ts';
import { PayeeProxyFilterInput, PayeeProxyInput, PersonAccountInput } from './payee.inputs.ts';
import type { PayeeProxyView, PersonAccountView } from './payee.service.ts';
import {
  PayeeProxyConnection,
  type PayeeProxyStatusEnum,
  PayeeProxyType,
  PersonAccountType,
} from './payee.type.ts';

const toProxyType = (view: PayeeProxyView): PayeeProxyType => ({
  ...view,
  status: view.status as PayeeProxyStatusEnum,
});
const toAccountType = (view: PersonAccountView): PersonAccountType => ({ ...view });

@Resolver()
export class PayeeResolver {
  @Query(() => PersonAccountType, {
    nullable: true,
    description: '人员的收款账户（脱敏），未登记为空 / A person’s account (masked); empty when none',
  })
  async personAccount(
    @Arg('personId', () => ID) personId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<PersonAccountType | null> {
    const view = await ctx.services.payees.account(actorOf(ctx), personId);
    return view && toAccountType(view);
  }

  @Query(() => PayeeProxyConnection, { description: '代领人登记，最新在前 / Payee proxies, latest first' })
  async payeeProxies(
    @Arg('first', () => Int, { nullable: true, description: '每页条数，最多 100 / Page size, at most 100' })
    first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => PayeeProxyFilterInput, { nullable: true }) filter: PayeeProxyFilterInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<PayeeProxyConnection> {
    const page = await ctx.services.payees.proxies(actorOf(ctx), { first, after }, filter ?? {});
    return connectionOf(page, after, toProxyType);
  }

  @Mutation(() => PersonAccountType, {
    description: '登记或修改收款账户 / Record or change the account a person is paid into',
  })
  async setPersonAccount(
    @Arg('input', () => PersonAccountInput) input: PersonAccountInput,
    @Ctx() ctx: RequestContext,
  ): Promise<PersonAccountType> {
    return toAccountType(await ctx.services.payees.setPersonAccount(actorOf(ctx), input));
  }

  @Mutation(() => PayeeProxyType, {
    description: '登记代领人（待第二位管理员批准）/ Register a payee proxy (to be approved)',
  })
  async registerPayeeProxy(
    @Arg('input', () => PayeeProxyInput) input: PayeeProxyInput,
    @Ctx() ctx: RequestContext,
  ): Promise<PayeeProxyType> {
    return toProxyType(await ctx.services.payees.registerProxy(actorOf(ctx), input));
  }

  @Mutation(() => PayeeProxyType, {
    description:
      '批准代领人（登记人以外的乡镇或县级管理员）/ Approve a proxy (a township or county admin other than who registered it)',
  })
  async approvePayeeProxy(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ): Promise<PayeeProxyType> {
    return toProxyType(await ctx.services.payees.approveProxy(actorOf(ctx), id, expectedVersion));
  }

  @Mutation(() => PayeeProxyType, { description: '撤销代领人 / Revoke a proxy' })
  async revokePayeeProxy(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ): Promise<PayeeProxyType> {
    return toProxyType(await ctx.services.payees.revokeProxy(actorOf(ctx), id, expectedVersion));
  }
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, type ConfirmedRoll, confirmedRoll, moneyUser } from '../../../test/money-fixtures.ts';
import { startTestApi, type TestApi } from '../../../test/test-api.ts';
import {
  allLines,
  CREATE_BATCH,
  cookieJar,
  data,
  expectRefused,
  key,
  type PaymentNode,
} from '../disbursements/disbursement-test-helpers.ts';

const ACCOUNT_FIELDS = 'personId bank accountNumberMasked version';
const SET_ACCOUNT = `mutation($input: PersonAccountInput!) { setPersonAccount(input: $input) { ${ACCOUNT_FIELDS} } }`;
const ACCOUNT = `query($id: ID!) { personAccount(personId: $id) { ${ACCOUNT_FIELDS} } }`;
const PROXY_FIELDS = `id personId personName proxyPersonId proxyPersonName reason status createdById approvedById
  approvedAt revokedAt version`;
const REGISTER = `mutation($input: PayeeProxyInput!) { registerPayeeProxy(input: $input) { ${PROXY_FIELDS} } }`;
const APPROVE = `mutation($id: ID!, $v: Int!) { approvePayeeProxy(id: $id, expectedVersion: $v) { ${PROXY_FIELDS} } }`;
const REVOKE = `mutation($id: ID!, $v: Int!) { revokePayeeProxy(id: $id, expectedVersion: $v) { ${PROXY_FIELDS} } }`;
const PROXIES = `query($filter: PayeeProxyFilter) { payeeProxies(first: 10, filter: $filter) {
  totalCount edges { node { ${PROXY_FIELDS} } } } }`;

interface ProxyNode {
  id: string;
  personId: string;
  proxyPersonId: string;
  proxyPersonName: string | null;
  status: string;
  createdById: string;
  approvedById: string | null;
  version: number;
}

let t: TestApi;
let roll: ConfirmedRoll;
const as = cookieJar(() => t);

beforeAll(async () => {
  t = await startTestApi();
  roll = await confirmedRoll(t, { persons: 4, villageOffset: 6 });
});
afterAll(async () => t?.close());

describe('person accounts', () => {
  it('are recorded by a clerk, shown masked, and changed only from the version one saw', async () => {
    const person = roll.persons[0] as ConfirmedRoll['persons'][number];
    const clerk = await as(roll.users.clerk);
    const current = await data<{ version: number; accountNumberMasked: string }>(
      t.graphql(ACCOUNT, { id: person.id }, clerk),
      'personAccount',
    );
    expect(current.accountNumberMasked).toBe(
      `${person.accountNumber.slice(0, 4)}${'*'.repeat(person.accountNumber.length - 8)}${person.accountNumber.slice(-4)}`,
    );
    const input = {
      personId: person.id,
      bank: '示范县农村信用合作联社',
      accountNumber: '6230 5200 1234 5678 12',
    };
    expectRefused(await t.graphql(SET_ACCOUNT, { input }, clerk), 'CONFLICT', 'expectedVersion');
    const changed = await data<{ bank: string; accountNumberMasked: string; version: number }>(
      t.graphql(SET_ACCOUNT, { input: { ...input, expectedVersion: current.version } }, clerk),
      'setPersonAccount',
    );
    expect(changed).toMatchObject({
      bank: '示范县农村信用合作联社',
      accountNumberMasked: '6230**********7812',
    });
    expect(changed.version).toBe(current.version + 1);
    const [audit] = await t.ownerSql<{ n: number }>(
      `select count(*)::int as n from audit_event where action = 'personAccount.update' and entity_id = $1`,
      [person.id],
    );
    expect(audit?.n).toBe(1);
    const [stored] = await t.ownerSql<{ account_number: string }>(
      'select account_number from person_account where person_id = $1',
      [person.id],
    );
    expect(stored?.account_number).toBe('623052001234567812');
  });

  it('refuse a bad number, naming the field and not the number, and persons outside the jurisdiction', async () => {
    const person = roll.persons[1] as ConfirmedRoll['persons'][number];
    const clerk = await as(roll.users.clerk);
    const bad = await t.graphql(
      SET_ACCOUNT,
      { input: { personId: person.id, bank: '农行', accountNumber: '6228-4800-1234' } },
      clerk,
    );
    expectRefused(bad, 'BAD_INPUT', 'input.accountNumber');
    expect(JSON.stringify(bad)).not.toContain('6228-4800');
    const [elsewhere] = await t.ownerSql<{ username: string }>(
      `select u.username from app_user u join region r on r.id = u.region_id
        where u.role = 'VILLAGE_CLERK' and r.code <> $1 order by r.code limit 1`,
      [roll.villageCode],
    );
    expectRefused(
      await t.graphql(
        SET_ACCOUNT,
        { input: { personId: person.id, bank: '农行', accountNumber: '622848001234567890' } },
        await as(elsewhere?.username as string),
      ),
      'NOT_FOUND',
      'input.personId',
    );
    expectRefused(
      await t.graphql(ACCOUNT, { id: person.id }, await as(elsewhere?.username as string)),
      'NOT_FOUND',
    );
  });
});

describe('payee proxies', () => {
  it('are approved by a second admin, paid instead of the beneficiary, and revoked', async () => {
    const [beneficiary, proxy] = roll.persons.slice(2) as [
      ConfirmedRoll['persons'][number],
      ConfirmedRoll['persons'][number],
    ];
    const township = await as(roll.users.township);
    const input = { personId: beneficiary.id, proxyPersonId: proxy.id, reason: '本人长期卧床，由女儿代领' };
    expectRefused(
      await t.graphql(REGISTER, { input: { ...input, proxyPersonId: beneficiary.id } }, township),
      'BAD_INPUT',
      'input.proxyPersonId',
    );
    const registered = await data<ProxyNode>(t.graphql(REGISTER, { input }, township), 'registerPayeeProxy');
    expect(registered).toMatchObject({ status: 'PENDING', proxyPersonName: proxy.name, approvedById: null });
    expectRefused(await t.graphql(REGISTER, { input }, township), 'CONFLICT', 'input.personId');
    expectRefused(
      await t.graphql(APPROVE, { id: registered.id, v: registered.version }, township),
      'FOUR_EYES',
      'id',
    );
    // The database refuses it too, as the app role with the registrar's own scope.
    const registrar = await moneyUser(t, roll.users.township);
    await expect(
      asUser(t, registrar, (client) =>
        client.query(`update payee_proxy set status = 'APPROVED', approved_by = $1 where id = $2`, [
          registrar.id,
          registered.id,
        ]),
      ),
    ).rejects.toThrow();
    // A line cannot name the proxy while it is pending.
    const approved = await data<ProxyNode>(
      t.graphql(APPROVE, { id: registered.id, v: registered.version }, await as('county.admin')),
      'approvePayeeProxy',
    );
    expect(approved.status).toBe('APPROVED');
    expect(approved.approvedById).not.toBe(approved.createdById);
    const listed = await data<{ totalCount: number }>(
      t.graphql(PROXIES, { filter: { personId: proxy.id, status: 'APPROVED' } }, await as(roll.users.clerk)),
      'payeeProxies',
    );
    expect(listed.totalCount).toBe(1);

    const batch = await data<{ id: string }>(
      t.graphql(
        CREATE_BATCH,
        {
          input: { programId: roll.programId, period: roll.period, regionCode: roll.villageCode },
          key: key(),
        },
        township,
      ),
      'createDisbursementBatch',
    );
    const lines = await allLines(t, township, batch.id);
    const line = lines.find((l) => l.personId === beneficiary.id) as PaymentNode;
    expect(line).toMatchObject({ payeePersonId: proxy.id, proxyId: registered.id });
    expect(line.accountNumberMasked.slice(-4)).toBe(proxy.accountNumber.slice(-4));

    const revoked = await data<ProxyNode>(
      t.graphql(REVOKE, { id: approved.id, v: approved.version }, await as(roll.users.clerk)),
      'revokePayeeProxy',
    );
    expect(revoked.status).toBe('REVOKED');
    expectRefused(
      await t.graphql(REVOKE, { id: approved.id, v: revoked.version }, township),
      'INVALID_STATE',
      'id',
    );
    const [audits] = await t.ownerSql<{ n: number }>(
      `select count(*)::int as n from audit_event where entity = 'payee_proxy' and entity_id = $1`,
      [registered.id],
    );
    expect(audits?.n).toBe(3);
  });
});

import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { type KeysetSort, keysetPage } from '../../db/keyset-page.ts';
import { withScope } from '../../db/scoped-transaction.ts';
import { DomainError, notFound } from '../../errors/domain-error.ts';
import { type Page, type PageRequest, pageSize } from '../../graphql/relay-cursor.ts';
import { isUuid, requireText } from '../../validation/field-checks.ts';
import { executeOrConflict, staleVersion, timestampSort } from '../activities/work-record-sql.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { type Actor, APPROVER_ROLES, requireRole, WRITER_ROLES } from '../identity/actor.ts';
import { pathWithin } from '../identity/session-user.ts';
import { findRegionRowInScope } from '../regions/region.service.ts';
import { maskAccountNumber, parseAccountNumber } from './account-number.ts';

const PERSON = { zh: '人员', en: 'Person' };
const PROXY = { zh: '代领人登记', en: 'Payee proxy' };
const ACCOUNT = { zh: '收款账户', en: 'Person account' };

export type PayeeProxyStatus = 'PENDING' | 'APPROVED' | 'REVOKED';

export interface PersonAccountView {
  personId: string;
  bank: string;
  /** First and last four digits at most. */
  accountNumberMasked: string;
  updatedAt: Date;
  version: number;
}

export interface PayeeProxyView {
  id: string;
  personId: string;
  personName: string | null;
  proxyPersonId: string;
  proxyPersonName: string | null;
  regionId: string;
  reason: string;
  status: PayeeProxyStatus;
  createdById: string;
  createdAt: Date;
  approvedById: string | null;
  approvedAt: Date | null;
  revokedAt: Date | null;
  version: number;
}

export interface PersonAccountInput {
  personId: string;
  bank: string;
  accountNumber: string;
  /** The account's version when it exists; null or absent for a person's first account. */
  expectedVersion?: number | null;
}

export interface PayeeProxyInput {
  personId: string;
  proxyPersonId: string;
  reason: string;
}

export interface PayeeProxyFilter {
  personId?: string | null;
  status?: PayeeProxyStatus | null;
  regionCode?: string | null;
}

const PROXY_COLUMNS = `x.id, x.person_id, b.name as person_name, x.proxy_person_id, q.name as proxy_person_name,
  x.region_id, x.reason, x.status, x.created_by, x.created_at, x.approved_by, x.approved_at, x.revoked_at, x.version`;
// The proxy may live outside the caller's subtree (a child in town): then the name stays hidden.
const PROXY_FROM = `from payee_proxy x left join person b on b.id = x.person_id
  left join person q on q.id = x.proxy_person_id`;

interface ProxyRow {
  id: string;
  person_id: string;
  person_name: string | null;
  proxy_person_id: string;
  proxy_person_name: string | null;
  region_id: string;
  reason: string;
  status: PayeeProxyStatus;
  created_by: string;
  created_at: Date | string;
  approved_by: string | null;
  approved_at: Date | string | null;
  revoked_at: Date | string | null;
  version: number;
}

const dateOrNull = (value: Date | string | null) => (value === null ? null : new Date(value));

function toProxyView(row: ProxyRow): PayeeProxyView {
  return {
    id: row.id,
    personId: row.person_id,
    personName: row.person_name,
    proxyPersonId: row.proxy_person_id,
    proxyPersonName: row.proxy_person_name,
    regionId: row.region_id,
    reason: row.reason,
    status: row.status,
    createdById: row.created_by,
    createdAt: new Date(row.created_at),
    approvedById: row.approved_by,
    approvedAt: dateOrNull(row.approved_at),
    revokedAt: dateOrNull(row.revoked_at),
    version: row.version,
  };
}

interface AccountRow {
  person_id: string;
  bank: string;
  account_number: string;
  updated_at: Date | string;
  version: number;
}

function toAccountView(row: AccountRow): PersonAccountView {
  return {
    personId: row.person_id,
    bank: row.bank,
    accountNumberMasked: maskAccountNumber(row.account_number),
    updatedAt: new Date(row.updated_at),
    version: row.version,
  };
}

const PROXY_SORT: KeysetSort = timestampSort('x.created_at');

/**
 * Who is paid: the account a person is paid into (惠民惠农“一卡通”) and the proxies who may collect
 * for a beneficiary (an elderly parent's child, a guardian), each approved by a second admin. Paying
 * someone who is neither the beneficiary nor their approved proxy is a known abuse: the database
 * refuses it (payment_guard), the proxy's approval is four-eyes (payee_proxy_guard).
 */
export class PayeeService {
  constructor(private readonly orm: MikroORM) {}

  /** The person's account, masked; null when none is recorded. */
  async account(actor: Actor, personId: string): Promise<PersonAccountView | null> {
    return withScope(this.orm, actor.user, async (em) => {
      await findPersonInScope(em, actor, personId, 'personId');
      return this.loadAccount(em, personId);
    });
  }

  async setPersonAccount(actor: Actor, input: PersonAccountInput): Promise<PersonAccountView> {
    requireRole(actor, WRITER_ROLES);
    const bank = requireText('input.bank', input.bank, 2, 60, { zh: '开户行', en: 'Bank' });
    const accountNumber = parseAccountNumber('input.accountNumber', input.accountNumber);
    return withScope(this.orm, actor.user, async (em) => {
      const person = await findPersonInScope(em, actor, input.personId, 'input.personId');
      const [existing] = (await em.execute(
        'select version from person_account where person_id = ? for update',
        [person.id],
      )) as { version: number }[];
      const before = existing ? await this.loadAccount(em, person.id) : undefined;
      if (existing) {
        if (input.expectedVersion == null || existing.version !== input.expectedVersion) {
          throw staleVersion(ACCOUNT);
        }
        await em.execute(
          `update person_account set bank = ?, account_number = ?, updated_by = ?, updated_at = now(),
                  version = version + 1
            where person_id = ?`,
          [bank, accountNumber, actor.user.id, person.id],
        );
      } else {
        // Two clerks entering the same person's first account at once: the second hears CONFLICT.
        await executeOrConflict(
          em,
          `insert into person_account (person_id, region_id, region_path, bank, account_number, updated_by)
           values (?, ?, ?::ltree, ?, ?, ?)`,
          [person.id, person.regionId, person.regionPath, bank, accountNumber, actor.user.id],
          {
            field: 'input.expectedVersion',
            messageZh: '该人员的收款账户刚被他人登记，请刷新后重试',
            messageEn: "Someone else just recorded this person's account; reload and try again",
          },
        );
      }
      const after = (await this.loadAccount(em, person.id)) as PersonAccountView;
      await recordAudit(em, actor.user, actor.requestId, {
        action: existing ? 'personAccount.update' : 'personAccount.create',
        entity: 'person_account',
        entityId: person.id,
        regionPath: person.regionPath,
        // Digests of the masked views, as everywhere: the audit log holds no account number.
        before: before ?? undefined,
        after,
      });
      return after;
    });
  }

  async registerProxy(actor: Actor, input: PayeeProxyInput): Promise<PayeeProxyView> {
    requireRole(actor, WRITER_ROLES);
    const reason = requireText('input.reason', input.reason, 2, 200, { zh: '代领原因', en: 'Reason' });
    return withScope(this.orm, actor.user, async (em) => {
      const person = await findPersonInScope(em, actor, input.personId, 'input.personId');
      const proxy = await findPersonInScope(em, actor, input.proxyPersonId, 'input.proxyPersonId');
      if (proxy.id === person.id) {
        throw new DomainError({
          code: 'BAD_INPUT',
          field: 'input.proxyPersonId',
          messageZh: '代领人不能是受益人本人',
          messageEn: 'The proxy cannot be the beneficiary',
        });
      }
      const [row] = await executeOrConflict<{ id: string }>(
        em,
        `insert into payee_proxy (person_id, proxy_person_id, region_id, region_path, reason, created_by)
         values (?, ?, ?, ?::ltree, ?, ?) returning id`,
        [person.id, proxy.id, person.regionId, person.regionPath, reason, actor.user.id],
        {
          field: 'input.personId',
          messageZh: '该受益人已有待审核或已批准的代领人，请先撤销',
          messageEn: 'This beneficiary already has a pending or approved proxy; revoke it first',
        },
      );
      const view = await this.loadProxy(em, (row as { id: string }).id);
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'payeeProxy.register',
        entity: 'payee_proxy',
        entityId: view.id,
        regionPath: person.regionPath,
        after: view,
      });
      return view;
    });
  }

  async approveProxy(actor: Actor, id: string, expectedVersion: number): Promise<PayeeProxyView> {
    requireRole(actor, APPROVER_ROLES);
    return this.moveProxy(actor, id, expectedVersion, 'APPROVED');
  }

  async revokeProxy(actor: Actor, id: string, expectedVersion: number): Promise<PayeeProxyView> {
    requireRole(actor, WRITER_ROLES);
    return this.moveProxy(actor, id, expectedVersion, 'REVOKED');
  }

  async proxies(
    actor: Actor,
    page: PageRequest,
    filter: PayeeProxyFilter = {},
  ): Promise<Page<PayeeProxyView>> {
    const size = pageSize(page.first);
    return withScope(this.orm, actor.user, async (em) => {
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.personId) {
        if (!isUuid(filter.personId)) throw notFound(PERSON, 'filter.personId');
        where.push('(x.person_id = ? or x.proxy_person_id = ?)');
        params.push(filter.personId, filter.personId);
      }
      if (filter.status) {
        where.push('x.status = ?');
        params.push(filter.status);
      }
      if (filter.regionCode) {
        where.push('x.region_path <@ ?::ltree');
        params.push((await findRegionRowInScope(em, actor, filter.regionCode, 'filter.regionCode')).path);
      }
      return keysetPage(em, {
        from: PROXY_FROM,
        countFrom: 'from payee_proxy x',
        columns: PROXY_COLUMNS,
        where,
        params,
        sort: PROXY_SORT,
        idColumn: 'x.id',
        direction: 'desc',
        size,
        after: page.after,
        mapRow: (row: ProxyRow) => toProxyView(row),
      });
    });
  }

  private async moveProxy(
    actor: Actor,
    id: string,
    expectedVersion: number,
    to: 'APPROVED' | 'REVOKED',
  ): Promise<PayeeProxyView> {
    return withScope(this.orm, actor.user, async (em) => {
      if (!isUuid(id)) throw notFound(PROXY, 'id');
      const [locked] = (await em.execute(
        'select status, created_by, version, region_path::text as region_path from payee_proxy where id = ? for update',
        [id],
      )) as { status: PayeeProxyStatus; created_by: string; version: number; region_path: string }[];
      if (!locked || !pathWithin(locked.region_path, actor.user.regionPath)) throw notFound(PROXY, 'id');
      if (locked.version !== expectedVersion) throw staleVersion(PROXY);
      const allowed = to === 'APPROVED' ? locked.status === 'PENDING' : locked.status !== 'REVOKED';
      if (!allowed) {
        throw new DomainError({
          code: 'INVALID_STATE',
          field: 'id',
          messageZh: to === 'APPROVED' ? '只有待审核的代领人登记可以批准' : '该代领人登记已撤销',
          messageEn:
            to === 'APPROVED' ? 'Only a pending proxy can be approved' : 'This proxy is already revoked',
        });
      }
      if (to === 'APPROVED' && locked.created_by === actor.user.id) {
        throw new DomainError({
          code: 'FOUR_EYES',
          field: 'id',
          messageZh: '代领人登记须由登记人以外的管理员批准',
          messageEn: 'A proxy is approved by an admin other than the one who registered it',
        });
      }
      const before = await this.loadProxy(em, id);
      await em.execute(
        to === 'APPROVED'
          ? `update payee_proxy set status = 'APPROVED', approved_by = ?, version = version + 1 where id = ?`
          : `update payee_proxy set status = 'REVOKED', revoked_by = ?, version = version + 1 where id = ?`,
        [actor.user.id, id],
      );
      const after = await this.loadProxy(em, id);
      await recordAudit(em, actor.user, actor.requestId, {
        action: to === 'APPROVED' ? 'payeeProxy.approve' : 'payeeProxy.revoke',
        entity: 'payee_proxy',
        entityId: id,
        regionPath: locked.region_path,
        before,
        after,
      });
      return after;
    });
  }

  private async loadAccount(em: EntityManager, personId: string): Promise<PersonAccountView | null> {
    const [row] = (await em.execute(
      'select person_id, bank, account_number, updated_at, version from person_account where person_id = ?',
      [personId],
    )) as AccountRow[];
    return row ? toAccountView(row) : null;
  }

  private async loadProxy(em: EntityManager, id: string): Promise<PayeeProxyView> {
    const [row] = (await em.execute(`select ${PROXY_COLUMNS} ${PROXY_FROM} where x.id = ?`, [
      id,
    ])) as ProxyRow[];
    if (!row) throw notFound(PROXY, 'id');
    return toProxyView(row);
  }
}

export interface PersonInScope {
  id: string;
  regionId: string;
  regionPath: string;
}

/** A person in the caller's subtree (row-level security shows no other), else NOT_FOUND naming `field`. */
export async function findPersonInScope(
  em: EntityManager,
  actor: Actor,
  id: string,
  field: string,
): Promise<PersonInScope> {
  if (!isUuid(id)) throw notFound(PERSON, field);
  const [row] = (await em.execute(
    'select id, region_id, region_path::text as region_path from person where id = ?',
    [id],
  )) as { id: string; region_id: string; region_path: string }[];
  if (!row || !pathWithin(row.region_path, actor.user.regionPath)) throw notFound(PERSON, field);
  return { id: row.id, regionId: row.region_id, regionPath: row.region_path };
}

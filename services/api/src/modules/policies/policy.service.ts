import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { renderPolicyMarkdown, UnsafeMarkdownError } from '@sunshine/disclosure/render-policy-markdown';
import { containsPattern } from '../../db/contains-pattern.ts';
import { flushOrConflict } from '../../db/flush-or-conflict.ts';
import { keysetPage, textSort } from '../../db/keyset-page.ts';
import { withScope } from '../../db/scoped-transaction.ts';
import { badInput, DomainError, notFound } from '../../errors/domain-error.ts';
import { type Page, type PageRequest, pageSize } from '../../graphql/relay-cursor.ts';
import { CONTROL_CHARS, filterDate, isUuid } from '../../validation/field-checks.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { type Actor, requireRole, WRITER_ROLES } from '../identity/actor.ts';
import type { Region } from '../regions/region.entity.ts';
import { findRegionInScope, findRegionRowInScope } from '../regions/region.service.ts';
import {
  type Policy,
  type PolicyAttachment,
  type PolicyCategory,
  PolicySchema,
  type PolicyStatus,
} from './policy.entity.ts';
import { type PolicyFields, validateBodyMarkdown, validatePolicyFields } from './policy.validation.ts';

const POLICY = { zh: '政策文件', en: 'Policy' };
const DUPLICATE_DOCUMENT_NUMBER = {
  field: 'input.documentNumber',
  messageZh: '该发文机关已有相同文号的文件',
  messageEn: 'This issuing body already has a policy with that document number',
};

/** The validated fields as entity columns (everything but status, authorship and timestamps). */
function policyColumns(fields: PolicyFields, region: Region) {
  const { regionCode: _regionCode, ...columns } = fields;
  return { ...columns, region };
}

export interface PolicyView {
  id: string;
  title: string;
  documentNumber: string;
  issuingBody: string;
  region: { id: string; code: string; name: string; level: string; path: string };
  category: PolicyCategory;
  issueDate: string;
  effectiveDate: string | null;
  expiryDate: string | null;
  bodyMarkdown: string;
  attachments: PolicyAttachment[];
  status: PolicyStatus;
  withdrawalReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  withdrawnAt: Date | null;
  version: number;
}

export type PolicySortField = 'ISSUE_DATE' | 'UPDATED_AT' | 'TITLE';
export interface PolicyFilter {
  status?: PolicyStatus | null;
  category?: PolicyCategory | null;
  /** The region and everything below it. */
  regionCode?: string | null;
  /** Words in the title, document number or issuing body. */
  search?: string | null;
  issuedFrom?: string | null;
  issuedTo?: string | null;
}
export interface PolicyOrder {
  field: PolicySortField;
  direction: 'ASC' | 'DESC';
}

const SORT_COLUMNS: Record<PolicySortField, string> = {
  ISSUE_DATE: "to_char(p.issue_date, 'YYYY-MM-DD')",
  UPDATED_AT: `to_char(p.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
  TITLE: 'p.title',
};

const POLICY_COLUMNS = `
         p.id, p.title, p.document_number, p.issuing_body, p.category,
         to_char(p.issue_date, 'YYYY-MM-DD') as issue_date,
         to_char(p.effective_date, 'YYYY-MM-DD') as effective_date,
         to_char(p.expiry_date, 'YYYY-MM-DD') as expiry_date,
         p.body_markdown, p.attachments, p.status, p.withdrawal_reason, p.created_at, p.updated_at,
         p.published_at, p.withdrawn_at, p.version,
         r.id as region_id, r.code as region_code, r.name as region_name, r.level as region_level,
         r.path as region_path`;
const SELECT_POLICY = `select ${POLICY_COLUMNS}`;

interface PolicyRow {
  id: string;
  title: string;
  document_number: string;
  issuing_body: string;
  category: PolicyCategory;
  issue_date: string;
  effective_date: string | null;
  expiry_date: string | null;
  body_markdown: string;
  attachments: PolicyAttachment[];
  status: PolicyStatus;
  withdrawal_reason: string | null;
  created_at: Date;
  updated_at: Date;
  published_at: Date | null;
  withdrawn_at: Date | null;
  version: number;
  region_id: string;
  region_code: string;
  region_name: string;
  region_level: string;
  region_path: string;
}

function toView(row: PolicyRow): PolicyView {
  return {
    id: row.id,
    title: row.title,
    documentNumber: row.document_number,
    issuingBody: row.issuing_body,
    region: {
      id: row.region_id,
      code: row.region_code,
      name: row.region_name,
      level: row.region_level,
      path: row.region_path,
    },
    category: row.category,
    issueDate: row.issue_date,
    effectiveDate: row.effective_date,
    expiryDate: row.expiry_date,
    bodyMarkdown: row.body_markdown,
    attachments: row.attachments,
    status: row.status,
    withdrawalReason: row.withdrawal_reason,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    publishedAt: row.published_at ? new Date(row.published_at) : null,
    withdrawnAt: row.withdrawn_at ? new Date(row.withdrawn_at) : null,
    version: row.version,
  };
}

/** Policy notices (政策文件): drafted, edited, published and withdrawn within the caller's scope. */
export class PolicyService {
  constructor(private readonly orm: MikroORM) {}

  /**
   * The body as the portal will show it (the same renderer, raw HTML as text), for the editor's preview.
   * Any signed-in admin may ask: it reads nothing.
   */
  preview(_actor: Actor, bodyMarkdown: string): string {
    const body = validateBodyMarkdown(bodyMarkdown);
    try {
      return renderPolicyMarkdown(body);
    } catch (error) {
      if (error instanceof UnsafeMarkdownError) {
        throw badInput('bodyMarkdown', '正文无法安全显示', 'The body cannot be shown safely');
      }
      throw error;
    }
  }

  async get(actor: Actor, id: string): Promise<PolicyView> {
    return withScope(this.orm, actor.user, (em) => this.load(em, id));
  }

  async list(
    actor: Actor,
    page: PageRequest,
    filter: PolicyFilter = {},
    order: PolicyOrder = { field: 'ISSUE_DATE', direction: 'DESC' },
  ): Promise<Page<PolicyView>> {
    const size = pageSize(page.first);
    return withScope(this.orm, actor.user, async (em) => {
      const where: string[] = ['true'];
      const params: unknown[] = [];
      if (filter.status) {
        where.push('p.status = ?');
        params.push(filter.status);
      }
      if (filter.category) {
        where.push('p.category = ?');
        params.push(filter.category);
      }
      if (filter.regionCode) {
        const region = await findRegionRowInScope(em, actor, filter.regionCode, 'filter.regionCode');
        where.push('p.region_path <@ ?::ltree');
        params.push(region.path);
      }
      if (filter.search?.trim()) {
        const pattern = containsPattern(filter.search.trim());
        where.push('(p.title ilike ? or p.document_number ilike ? or p.issuing_body ilike ?)');
        params.push(pattern, pattern, pattern);
      }
      for (const [key, op] of [
        ['issuedFrom', '>='],
        ['issuedTo', '<='],
      ] as const) {
        const value = filter[key];
        if (value) {
          // A calendar date, not just its shape: '2024-02-30' would fail in SQL as an internal error.
          where.push(`p.issue_date ${op} ?::date`);
          params.push(filterDate(`filter.${key}`, value));
        }
      }
      return keysetPage(em, {
        from: 'from policy p join region r on r.id = p.region_id',
        countFrom: 'from policy p',
        columns: POLICY_COLUMNS,
        where,
        params,
        sort: textSort(SORT_COLUMNS[order.field]),
        idColumn: 'p.id',
        direction: order.direction === 'ASC' ? 'asc' : 'desc',
        size,
        after: page.after,
        mapRow: (row: PolicyRow) => toView(row),
      });
    });
  }

  async create(actor: Actor, input: PolicyFields): Promise<PolicyView> {
    requireRole(actor, WRITER_ROLES);
    const fields = validatePolicyFields(input);
    return withScope(this.orm, actor.user, async (em) => {
      const region = await findRegionInScope(em, actor, fields.regionCode, 'input.regionCode');
      const now = new Date();
      const policy = em.create(PolicySchema, {
        ...policyColumns(fields, region),
        status: 'DRAFT',
        withdrawalReason: null,
        createdBy: actor.user.id,
        updatedBy: actor.user.id,
        createdAt: now,
        updatedAt: now,
        publishedAt: null,
        withdrawnAt: null,
        version: 1,
      });
      await flushOrConflict(em, DUPLICATE_DOCUMENT_NUMBER);
      const view = await this.load(em, policy.id);
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'policy.create',
        entity: 'policy',
        entityId: policy.id,
        regionPath: region.path,
        after: view,
      });
      return view;
    });
  }

  async update(actor: Actor, id: string, input: PolicyFields, expectedVersion: number): Promise<PolicyView> {
    requireRole(actor, WRITER_ROLES);
    const fields = validatePolicyFields(input);
    return withScope(this.orm, actor.user, async (em) => {
      const policy = await this.lockForChange(em, id, expectedVersion);
      if (policy.status === 'WITHDRAWN') {
        throw new DomainError({
          code: 'INVALID_STATE',
          messageZh: '已撤回的政策文件不能再修改',
          messageEn: 'A withdrawn policy cannot be edited',
        });
      }
      const before = await this.load(em, id);
      const region = await findRegionInScope(em, actor, fields.regionCode, 'input.regionCode');
      em.assign(policy, {
        ...policyColumns(fields, region),
        updatedBy: actor.user.id,
        updatedAt: new Date(),
        version: policy.version + 1,
      });
      await flushOrConflict(em, DUPLICATE_DOCUMENT_NUMBER);
      const after = await this.load(em, id);
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'policy.update',
        entity: 'policy',
        entityId: id,
        regionPath: region.path,
        before,
        after,
      });
      return after;
    });
  }

  async publish(actor: Actor, id: string, expectedVersion: number): Promise<PolicyView> {
    return this.transition(actor, id, expectedVersion, 'policy.publish', (policy) => {
      if (policy.status !== 'DRAFT') {
        throw new DomainError({
          code: 'INVALID_STATE',
          messageZh: '只有草稿可以发布',
          messageEn: 'Only a draft can be published',
        });
      }
      const now = new Date();
      return { status: 'PUBLISHED', publishedAt: now, updatedAt: now };
    });
  }

  async withdraw(actor: Actor, id: string, expectedVersion: number, reason: string): Promise<PolicyView> {
    const trimmed = reason.trim();
    if (trimmed.length < 2 || trimmed.length > 500) {
      throw badInput('reason', '撤回原因应为 2–500 个字符', 'The reason must be 2–500 characters');
    }
    if (CONTROL_CHARS.test(trimmed)) {
      throw badInput('reason', '撤回原因含有不可见的控制字符', 'The reason contains control characters');
    }
    return this.transition(actor, id, expectedVersion, 'policy.withdraw', (policy) => {
      if (policy.status !== 'PUBLISHED') {
        throw new DomainError({
          code: 'INVALID_STATE',
          messageZh: '只有已发布的政策文件可以撤回',
          messageEn: 'Only a published policy can be withdrawn',
        });
      }
      const now = new Date();
      return { status: 'WITHDRAWN', withdrawnAt: now, withdrawalReason: trimmed, updatedAt: now };
    });
  }

  private async transition(
    actor: Actor,
    id: string,
    expectedVersion: number,
    action: string,
    change: (
      policy: Policy,
    ) => Partial<Pick<Policy, 'status' | 'publishedAt' | 'withdrawnAt' | 'withdrawalReason' | 'updatedAt'>>,
  ): Promise<PolicyView> {
    requireRole(actor, WRITER_ROLES);
    return withScope(this.orm, actor.user, async (em) => {
      const policy = await this.lockForChange(em, id, expectedVersion);
      const before = await this.load(em, id);
      em.assign(policy, { ...change(policy), updatedBy: actor.user.id, version: policy.version + 1 });
      await em.flush();
      const after = await this.load(em, id);
      await recordAudit(em, actor.user, actor.requestId, {
        action,
        entity: 'policy',
        entityId: id,
        regionPath: after.region.path,
        before,
        after,
      });
      return after;
    });
  }

  private async lockForChange(em: EntityManager, id: string, expectedVersion: number): Promise<Policy> {
    assertUuid(id);
    const policy = await em.findOne(PolicySchema, { id }, { lockMode: 4 /* PESSIMISTIC_WRITE */ });
    if (!policy) throw notFound(POLICY);
    if (policy.version !== expectedVersion) {
      throw new DomainError({
        code: 'CONFLICT',
        field: 'expectedVersion',
        messageZh: '该文件已被他人修改，请刷新后重试',
        messageEn: 'Someone else changed this policy; reload and try again',
      });
    }
    return policy;
  }

  private async load(em: EntityManager, id: string): Promise<PolicyView> {
    assertUuid(id);
    const [row] = (await em.execute(
      `${SELECT_POLICY} from policy p join region r on r.id = p.region_id where p.id = ?`,
      [id],
    )) as PolicyRow[];
    if (!row) throw notFound(POLICY);
    return toView(row);
  }
}

export function assertUuid(id: string): void {
  if (!isUuid(id)) throw notFound(POLICY);
}

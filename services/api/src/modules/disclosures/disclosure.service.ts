import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { DEFAULT_DISCLOSURE_POLICY, type DisclosurePolicy } from '@sunshine/disclosure/dataset';
import type { GraphQLSchema } from 'graphql';
import { flushOrConflict } from '../../db/flush-or-conflict.ts';
import { withScope } from '../../db/scoped-transaction.ts';
import { badInput, DomainError, notFound } from '../../errors/domain-error.ts';
import { CONTROL_CHARS } from '../../validation/field-checks.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { type Actor, APPROVER_ROLES, requireRole } from '../identity/actor.ts';
import { assertUuid } from '../policies/policy.service.ts';
import type { Region } from '../regions/region.entity.ts';
import { findRegionInScope } from '../regions/region.service.ts';
import { analyzeDisclosureDocument } from './analyze-disclosure-document.ts';
import { type Disclosure, DisclosureSchema, PAGE_KINDS, type PageKind } from './disclosure.entity.ts';

const DISCLOSURE = { zh: '公开事项', en: 'Disclosure' };
const DUPLICATE_SLUG = {
  field: 'input.slug',
  messageZh: '已有相同标识的公开事项',
  messageEn: 'A disclosure with this slug already exists',
};

/** The validated fields as entity columns (everything but drafting and approval). */
function disclosureColumns(fields: DisclosureFields, region: Region) {
  const { regionCode: _regionCode, policy: _policy, ...columns } = fields;
  return { ...columns, region };
}

export interface DisclosureFields {
  slug: string;
  name: string;
  description: string;
  regionCode: string;
  pageKind: PageKind;
  document: string;
  parameters: Record<string, unknown>;
  outputFields: string[];
  /** De-identification thresholds; on create absent means the platform default, on update "keep". */
  policy?: DisclosurePolicy | null;
}

export interface DisclosureView extends Disclosure {
  regionCode: string;
  regionName: string;
  regionPath: string;
  /** Approved and the approval still matches the current text: the only state a run executes. */
  runnable: boolean;
}

/** Disclosures (公开事项): drafted by one admin, approved by another, pinned by the text's sha256. */
export class DisclosureService {
  constructor(
    private readonly orm: MikroORM,
    private readonly publicSchema: GraphQLSchema,
  ) {}

  async list(actor: Actor): Promise<DisclosureView[]> {
    return withScope(this.orm, actor.user, async (em) => {
      const disclosures = await em.find(
        DisclosureSchema,
        {},
        { orderBy: { slug: 'asc' }, populate: ['region'] },
      );
      return disclosures.map(toView);
    });
  }

  async get(actor: Actor, id: string): Promise<DisclosureView> {
    return withScope(this.orm, actor.user, async (em) => toView(await this.find(em, id)));
  }

  async create(actor: Actor, input: DisclosureFields): Promise<DisclosureView> {
    requireRole(actor, APPROVER_ROLES);
    const fields = this.validate(input);
    return withScope(this.orm, actor.user, async (em) => {
      const region = await findRegionInScope(em, actor, fields.regionCode, 'input.regionCode');
      const disclosure = em.create(DisclosureSchema, {
        ...disclosureColumns(fields, region),
        policy: fields.policy ?? { ...DEFAULT_DISCLOSURE_POLICY },
        draftedBy: actor.user.id,
        draftedAt: new Date(),
        approvedBy: null,
        approvedRole: null,
        approvedRegionCode: null,
        approvedRegionName: null,
        approvedSha256: null,
        approvedAt: null,
        version: 1,
      } as never);
      await flushOrConflict(em, DUPLICATE_SLUG);
      await em.refresh(disclosure);
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'disclosure.create',
        entity: 'disclosure',
        entityId: disclosure.id,
        regionPath: region.path,
        after: disclosure,
      });
      return toView(disclosure);
    });
  }

  async update(
    actor: Actor,
    id: string,
    input: DisclosureFields,
    expectedVersion: number,
  ): Promise<DisclosureView> {
    requireRole(actor, APPROVER_ROLES);
    const fields = this.validate(input);
    return withScope(this.orm, actor.user, async (em) => {
      const disclosure = await this.find(em, id, expectedVersion);
      const before = { ...disclosure };
      const region = await findRegionInScope(em, actor, fields.regionCode, 'input.regionCode');
      em.assign(disclosure, {
        ...disclosureColumns(fields, region),
        policy: fields.policy ?? disclosure.policy,
        version: disclosure.version + 1,
      });
      await flushOrConflict(em, DUPLICATE_SLUG);
      // The database drops the approval when what runs changed; read back what it decided.
      await em.refresh(disclosure);
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'disclosure.update',
        entity: 'disclosure',
        entityId: id,
        regionPath: region.path,
        before,
        after: disclosure,
      });
      return toView(disclosure);
    });
  }

  /**
   * Approves the text the approver read: `documentSha256` must match the current text, so an
   * edit made while they were reading cannot slip through under their name.
   */
  async approve(actor: Actor, id: string, documentSha256: string): Promise<DisclosureView> {
    requireRole(actor, APPROVER_ROLES);
    return withScope(this.orm, actor.user, async (em) => {
      const disclosure = await this.find(em, id);
      if (disclosure.documentSha256 !== documentSha256) {
        throw new DomainError({
          code: 'CONFLICT',
          field: 'documentSha256',
          messageZh: '查询文本已变更，请重新审阅后再批准',
          messageEn: 'The query text has changed; review it again before approving',
        });
      }
      if (disclosure.approvedSha256 === disclosure.documentSha256) {
        throw new DomainError({
          code: 'INVALID_STATE',
          messageZh: '该公开事项已批准',
          messageEn: 'This disclosure is already approved',
        });
      }
      if (disclosure.draftedBy === actor.user.id) {
        throw new DomainError({
          code: 'FOUR_EYES',
          messageZh: '起草人不能批准自己起草的公开事项，须由另一位有权限的管理员批准',
          messageEn: 'The drafter cannot approve their own disclosure; another authorised admin must',
        });
      }
      const before = { ...disclosure };
      em.assign(disclosure, {
        approvedBy: actor.user.id,
        approvedRole: actor.user.role,
        approvedRegionCode: actor.user.regionCode,
        approvedRegionName: actor.user.regionName,
        approvedSha256: disclosure.documentSha256,
        approvedAt: new Date(),
        version: disclosure.version + 1,
      });
      await em.flush();
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'disclosure.approve',
        entity: 'disclosure',
        entityId: id,
        regionPath: disclosure.region.path,
        before,
        after: disclosure,
      });
      return toView(disclosure);
    });
  }

  private async find(em: EntityManager, id: string, expectedVersion?: number): Promise<Disclosure> {
    assertUuid(id);
    // Lock the disclosure row only (a locking join would need UPDATE rights on region too).
    await em.execute('select 1 from disclosure where id = ? for update', [id]);
    const disclosure = await em.findOne(DisclosureSchema, { id }, { populate: ['region'] });
    if (!disclosure) throw notFound(DISCLOSURE);
    if (expectedVersion !== undefined && disclosure.version !== expectedVersion) {
      throw new DomainError({
        code: 'CONFLICT',
        field: 'expectedVersion',
        messageZh: '该公开事项已被他人修改，请刷新后重试',
        messageEn: 'Someone else changed this disclosure; reload and try again',
      });
    }
    return disclosure;
  }

  private validate(input: DisclosureFields): DisclosureFields {
    const slug = input.slug.trim();
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) || slug.length > 60) {
      throw badInput(
        'input.slug',
        '标识只能由小写字母、数字和连字符组成（最多 60 个字符）',
        'Slug: lower-case letters, digits and hyphens, at most 60',
      );
    }
    const name = input.name.trim();
    if (name.length < 2 || name.length > 100) {
      throw badInput('input.name', '名称长度应为 2–100 个字符', 'Name must be 2–100 characters');
    }
    if (input.description.length > 2000) {
      throw badInput(
        'input.description',
        '说明不能超过 2000 个字符',
        'Description cannot exceed 2000 characters',
      );
    }
    // NUL would otherwise reach PostgreSQL and fail there as an internal error.
    if (CONTROL_CHARS.test(name)) {
      throw badInput('input.name', '名称含有不可见的控制字符', 'Name contains control characters');
    }
    if (CONTROL_CHARS.test(input.description)) {
      throw badInput(
        'input.description',
        '说明含有不可见的控制字符',
        'Description contains control characters',
      );
    }
    if (!PAGE_KINDS.includes(input.pageKind)) {
      throw badInput('input.pageKind', '页面类型无效', 'Unknown page kind');
    }
    if (input.document.length > 20000) {
      throw badInput('input.document', '查询文本过长', 'The query text is too long');
    }
    const analysis = analyzeDisclosureDocument(this.publicSchema, input.document);
    const outputFields = [...new Set(input.outputFields.map((field) => field.trim()))];
    const selected = new Set(analysis.leafPaths);
    const notSelected = outputFields.filter((field) => !selected.has(field));
    if (notSelected.length > 0 || outputFields.length === 0) {
      throw badInput(
        'input.outputFields',
        '输出字段必须是查询中选择的字段',
        'Output fields must be fields the query selects',
      );
    }
    const notAllowed = analysis.leafPaths.filter((path) => !outputFields.includes(path));
    if (notAllowed.length > 0) {
      throw badInput(
        'input.outputFields',
        '查询选择了未列入输出字段白名单的字段',
        'The query selects fields that are not in the output allowlist',
      );
    }
    if (
      typeof input.parameters !== 'object' ||
      input.parameters === null ||
      Array.isArray(input.parameters)
    ) {
      throw badInput('input.parameters', '参数必须是一个对象', 'Parameters must be an object');
    }
    const policy = input.policy == null ? null : validatePolicy(input.policy);
    return { ...input, slug, name, outputFields, policy, description: input.description.trim() };
  }
}

/**
 * The platform's floors, which a policy can raise but never lower: k ≥ 5, and for sensitive
 * programs (published by township only) k ≥ 10 and never below the policy's own k.
 */
function validatePolicy(policy: DisclosurePolicy): DisclosurePolicy {
  if (!Number.isInteger(policy.k) || policy.k < 5 || policy.k > 100) {
    throw badInput(
      'input.policy.k',
      '公开门槛 k 应为 5–100 之间的整数（平台下限为 5）',
      'k must be a whole number from 5 to 100 (the platform floor is 5)',
    );
  }
  if (!Number.isInteger(policy.sensitiveK) || policy.sensitiveK < 10 || policy.sensitiveK > 100) {
    throw badInput(
      'input.policy.sensitiveK',
      '特殊家庭项目的公开门槛应为 10–100 之间的整数（平台下限为 10）',
      'sensitiveK must be a whole number from 10 to 100 (the platform floor is 10)',
    );
  }
  if (policy.sensitiveK < policy.k) {
    throw badInput(
      'input.policy.sensitiveK',
      '特殊家庭项目的公开门槛不能低于一般项目的门槛 k',
      'sensitiveK cannot be below k',
    );
  }
  return { k: policy.k, sensitiveK: policy.sensitiveK };
}

function toView(disclosure: Disclosure): DisclosureView {
  return Object.assign({}, disclosure, {
    regionCode: disclosure.region.code,
    regionName: disclosure.region.name,
    regionPath: disclosure.region.path,
    runnable: disclosure.approvedSha256 !== null && disclosure.approvedSha256 === disclosure.documentSha256,
  }) as DisclosureView;
}

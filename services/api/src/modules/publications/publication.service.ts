import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { ApprovedQuery, Dataset, DisclosurePolicy } from '@sunshine/disclosure/dataset';
import type { IsolationKind } from '@sunshine/disclosure/releases/find-isolating-changes';
import type { ReleaseDiff, ReleaseEntry, RowKey } from '@sunshine/disclosure/releases/release-diff';
import type { GraphQLSchema } from 'graphql';
import { canonicalSha256 } from '../../canonical-json.ts';
import { withScope } from '../../db/scoped-transaction.ts';
import { sqlArray } from '../../db/sql-array.ts';
import { badInput, notFound } from '../../errors/domain-error.ts';
import { isCalendarDate, isUuid } from '../../validation/field-checks.ts';
import { type AuditChainHead, readAuditChainHead } from '../audit/audit-chain.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { type Disclosure, DisclosureSchema } from '../disclosures/disclosure.entity.ts';
import { type Actor, APPROVER_ROLES, requireRole } from '../identity/actor.ts';
import { ROLE_LABELS, type Role } from '../identity/session-user.ts';
import { findRegionInScope } from '../regions/region.service.ts';
import { buildRelease, chinaToday, type DisclosureOutput, isolationRefusal } from './build-release.ts';
import { PublicationRunSchema, PublicationSchema } from './publication.entity.ts';

const DISCLOSURE = { zh: '公开事项', en: 'Disclosure' };

export interface PublishedDataset {
  disclosureId: string;
  slug: string;
  rowCount: number;
  datasetSha256: string;
}

/** One disclosure's release history, newest first: `releases/<slug>.json`. */
export interface ReleaseHistoryFile {
  slug: string;
  releases: ReleaseEntry[];
}

export interface PublicationFiles {
  runId: string;
  runAt: Date;
  /** The audit chain head when the run published, taken in the run's transaction. */
  auditChainHead: AuditChainHead | null;
  datasets: Dataset[];
  queries: ApprovedQuery[];
  releases: ReleaseHistoryFile[];
}

export interface RunResult {
  runId: string;
  runAt: Date;
  datasets: PublishedDataset[];
}

/** Options only tests use: the run's China date instead of the database's `china_today()`. */
export interface RunOptions {
  asOf?: string;
}

/** A release of one disclosure as the admin console lists it. */
export interface ReleaseView extends ReleaseEntry {
  publicationId: string;
  previousRunId: string | null;
}

/** What a run of one disclosure would publish now, computed and rolled back. */
export interface PreviewResult {
  asOf: string;
  rowCount: number;
  /** The dataset as it would be published (provenance of the preview: no run, maybe no approval). */
  dataset: Record<string, unknown>;
  diff: ReleaseDiff;
  findings: { kind: IsolationKind; field: string | null; key: RowKey | null }[];
  /** The bilingual refusal a run would give now, or null when it would publish. */
  refusal: string | null;
}

/** Thrown to end a preview's transaction in a rollback while handing its result out. */
class PreviewRollback extends Error {
  constructor(readonly result: PreviewResult) {
    super('preview rolled back');
  }
}

/**
 * Publication runs: execute every approved disclosure in scope, compare each with its previous
 * release, refuse a release that would single a person out, store each dataset with its diff.
 */
export class PublicationService {
  constructor(
    private readonly orm: MikroORM,
    private readonly publicSchema: GraphQLSchema,
    private readonly onPublished: (files: PublicationFiles) => Promise<void>,
  ) {}

  async run(actor: Actor, regionCode?: string, options: RunOptions = {}): Promise<RunResult> {
    requireRole(actor, APPROVER_ROLES);
    const result = await withScope(this.orm, actor.user, async (em) => {
      const region = await findRegionInScope(em, actor, regionCode ?? actor.user.regionCode, 'regionCode');
      const asOf = await runDate(em, options);
      const runAt = new Date();
      const run = em.create(PublicationRunSchema, {
        region,
        startedBy: actor.user.id,
        startedAt: runAt,
        finishedAt: null,
        status: 'RUNNING',
        auditChainSeq: null,
        auditChainSha256: null,
      });
      await em.flush();
      // Concurrent runs over the same disclosures take turns, so each compares with the release
      // the other one stored (the database also insists on the latest one as previous).
      await em.execute(
        `select id from disclosure where approved_sha256 is not null and region_path <@ ?::ltree order by id for update`,
        [region.path],
      );
      const disclosures = await em.find(
        DisclosureSchema,
        { approvedSha256: { $ne: null } },
        { populate: ['region'], orderBy: { slug: 'asc' }, refresh: true },
      );
      const runnable = disclosures.filter(
        (d) =>
          d.approvedSha256 === d.documentSha256 &&
          (d.region.path === region.path || d.region.path.startsWith(`${region.path}.`)),
      );
      const datasets: Dataset[] = [];
      const queries: ApprovedQuery[] = [];
      const published: PublishedDataset[] = [];
      const summaries: { disclosureId: string; datasetSha256: string; summary: ReleaseDiff['summary'] }[] =
        [];
      for (const disclosure of runnable) {
        const built = await buildRelease(em, this.publicSchema, disclosure, asOf);
        const [finding] = built.findings;
        if (finding) throw isolationRefusal(disclosure, finding);
        const dataset = toDataset(disclosure, built.output, run.id, runAt);
        const datasetSha256 = canonicalSha256(dataset);
        em.create(PublicationSchema, {
          run,
          disclosure,
          region: disclosure.region,
          documentSha256: disclosure.documentSha256,
          dataset,
          datasetSha256,
          rowCount: dataset.rows.length,
          runAt,
          previousPublicationId: built.previous?.id ?? null,
          diff: built.diff,
          policy: disclosure.policy,
        });
        datasets.push(dataset);
        queries.push(approvedQuery(dataset, disclosure));
        published.push({
          disclosureId: disclosure.id,
          slug: disclosure.slug,
          rowCount: dataset.rows.length,
          datasetSha256,
        });
        summaries.push({ disclosureId: disclosure.id, datasetSha256, summary: built.diff.summary });
      }
      await em.flush();
      const releases = await readHistories(em, runnable);
      // The head this publication vouches for: every audit row committed before it ran to the end.
      // A later verification that no longer ends in (or passes through) it shows the log was changed.
      const auditChainHead = await readAuditChainHead(em);
      em.assign(run, {
        status: 'SUCCEEDED',
        finishedAt: new Date(),
        auditChainSeq: auditChainHead.seq,
        auditChainSha256: auditChainHead.sha256,
      });
      await em.flush();
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'publication.run',
        entity: 'publication_run',
        entityId: run.id,
        regionPath: region.path,
        after: {
          disclosures: datasets.map((d) => d.provenance.disclosureId),
          runAt,
          asOf,
          releases: summaries,
        },
      });
      return { runId: run.id, runAt, auditChainHead, datasets, queries, published, releases };
    });
    await this.onPublished({
      runId: result.runId,
      runAt: result.runAt,
      auditChainHead: result.auditChainHead,
      datasets: result.datasets,
      queries: result.queries,
      releases: result.releases,
    });
    return { runId: result.runId, runAt: result.runAt, datasets: result.published };
  }

  /**
   * What running one disclosure would publish now, approved or not (the console shows it before
   * approval): the de-identified dataset and its diff against the last release, with anything the
   * run would refuse. Read-only, and rolled back: nothing is stored, nothing is audited.
   */
  async preview(actor: Actor, disclosureId: string, options: RunOptions = {}): Promise<PreviewResult> {
    requireRole(actor, APPROVER_ROLES);
    if (!isUuid(disclosureId)) throw notFound(DISCLOSURE, 'id');
    try {
      await withScope(this.orm, actor.user, async (em) => {
        await em.execute('set transaction read only');
        const disclosure = await em.findOne(DisclosureSchema, { id: disclosureId }, { populate: ['region'] });
        if (!disclosure) throw notFound(DISCLOSURE, 'id');
        const asOf = await runDate(em, options);
        const built = await buildRelease(em, this.publicSchema, disclosure, asOf);
        const [finding] = built.findings;
        throw new PreviewRollback({
          asOf,
          rowCount: built.output.rows.length,
          dataset: {
            provenance: {
              disclosureId: disclosure.id,
              slug: disclosure.slug,
              name: disclosure.name,
              pageKind: disclosure.pageKind,
              documentSha256: disclosure.documentSha256,
              approved: disclosure.approvedSha256 === disclosure.documentSha256,
              policy: disclosure.policy,
              asOf,
              rowCount: built.output.rows.length,
            },
            columns: built.output.columns,
            rows: built.output.rows,
          },
          diff: built.diff,
          findings: built.findings.map(({ kind, field, key }) => ({ kind, field, key })),
          refusal: finding ? isolationRefusal(disclosure, finding).message : null,
        });
      });
    } catch (error) {
      if (error instanceof PreviewRollback) return error.result;
      throw error;
    }
    throw new Error('a preview always rolls back');
  }

  /** Every release of one disclosure in the caller's jurisdiction, newest first, with its diff. */
  async releases(actor: Actor, disclosureId: string, limit = 50): Promise<ReleaseView[]> {
    if (!isUuid(disclosureId)) throw notFound(DISCLOSURE, 'disclosureId');
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
      throw badInput('limit', '条数应为 1–200', 'limit must be 1–200');
    }
    return withScope(this.orm, actor.user, async (em) => {
      const [visible] = (await em.execute('select id from disclosure where id = ?', [disclosureId])) as {
        id: string;
      }[];
      if (!visible) throw notFound(DISCLOSURE, 'disclosureId');
      const rows = (await em.execute(
        `select p.id, p.run_id, p.run_at, p.document_sha256, p.dataset_sha256, p.row_count, p.policy, p.diff,
                prev.run_id as previous_run_id
           from publication p left join publication prev on prev.id = p.previous_publication_id
          where p.disclosure_id = ?
          order by p.run_at desc, p.id desc
          limit ?`,
        [disclosureId, limit],
      )) as (HistoryRow & { id: string; previous_run_id: string | null })[];
      return rows.map((row) => ({
        ...toEntry(row),
        publicationId: row.id,
        previousRunId: row.previous_run_id,
      }));
    });
  }
}

async function runDate(em: EntityManager, options: RunOptions): Promise<string> {
  if (options.asOf === undefined) return chinaToday(em);
  if (!isCalendarDate(options.asOf)) throw badInput('asOf', '日期格式应为 YYYY-MM-DD', 'Use YYYY-MM-DD');
  return options.asOf;
}

function toDataset(disclosure: Disclosure, output: DisclosureOutput, runId: string, runAt: Date): Dataset {
  const approver = disclosure.approvedRole as Role;
  return {
    provenance: {
      disclosureId: disclosure.id,
      slug: disclosure.slug,
      name: disclosure.name,
      pageKind: disclosure.pageKind,
      documentSha256: disclosure.documentSha256,
      approvedBy: {
        role: approver,
        roleLabel: ROLE_LABELS[approver].zh,
        regionCode: disclosure.approvedRegionCode ?? '',
        regionName: disclosure.approvedRegionName ?? '',
      },
      approvedAt: (disclosure.approvedAt ?? runAt).toISOString(),
      runId,
      runAt: runAt.toISOString(),
      rowCount: output.rows.length,
    },
    columns: output.columns,
    rows: output.rows,
  };
}

interface HistoryRow {
  run_id: string;
  run_at: Date | string;
  document_sha256: string;
  dataset_sha256: string;
  row_count: number;
  policy: DisclosurePolicy;
  diff: ReleaseDiff | null;
}

function toEntry(row: HistoryRow): ReleaseEntry {
  return {
    runId: row.run_id,
    runAt: new Date(row.run_at).toISOString(),
    documentSha256: row.document_sha256,
    datasetSha256: row.dataset_sha256,
    rowCount: row.row_count,
    policy: row.policy,
    diff: row.diff,
  };
}

/** The release history of each disclosure, newest first, in one statement. */
export async function readHistories(
  em: Pick<EntityManager, 'execute'>,
  disclosures: readonly Pick<Disclosure, 'id' | 'slug'>[],
): Promise<ReleaseHistoryFile[]> {
  if (disclosures.length === 0) return [];
  const rows = (await em.execute(
    `select p.disclosure_id, p.run_id, p.run_at, p.document_sha256, p.dataset_sha256, p.row_count, p.policy, p.diff
       from publication p where p.disclosure_id = any(?::uuid[])
      order by p.disclosure_id, p.run_at desc, p.id desc`,
    [sqlArray(disclosures.map((d) => d.id))],
  )) as (HistoryRow & { disclosure_id: string })[];
  return historiesFrom(rows, disclosures);
}

export function historiesFrom(
  rows: readonly (HistoryRow & { disclosure_id: string })[],
  disclosures: readonly Pick<Disclosure, 'id' | 'slug'>[],
): ReleaseHistoryFile[] {
  const byId = new Map<string, ReleaseEntry[]>();
  for (const row of rows) {
    const list = byId.get(row.disclosure_id) ?? [];
    list.push(toEntry(row));
    byId.set(row.disclosure_id, list);
  }
  return disclosures.map((d) => ({ slug: d.slug, releases: byId.get(d.id) ?? [] }));
}

/**
 * The approved query published beside a dataset: identity and approval from the dataset's own
 * provenance, the text and its settings from the disclosure it ran, and the policy it ran under.
 */
export function approvedQuery(
  dataset: Dataset,
  source: Pick<Disclosure, 'description' | 'document' | 'parameters' | 'outputFields' | 'policy'>,
): ApprovedQuery {
  const { provenance } = dataset;
  return {
    disclosureId: provenance.disclosureId,
    slug: provenance.slug,
    name: provenance.name,
    description: source.description,
    pageKind: provenance.pageKind,
    document: source.document,
    documentSha256: provenance.documentSha256,
    parameters: source.parameters,
    outputFields: source.outputFields,
    policy: source.policy,
    approvedBy: provenance.approvedBy,
    approvedAt: provenance.approvedAt,
  };
}

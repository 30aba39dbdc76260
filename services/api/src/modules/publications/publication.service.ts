import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { type ApprovedQuery, type Dataset, DEFAULT_DISCLOSURE_POLICY } from '@sunshine/disclosure/dataset';
import { execute, type GraphQLSchema, parse } from 'graphql';
import { canonicalSha256 } from '../../canonical-json.ts';
import { withScope } from '../../db/scoped-transaction.ts';
import { DomainError } from '../../errors/domain-error.ts';
import { type AuditChainHead, readAuditChainHead } from '../audit/audit-chain.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { analyzeDisclosureDocument, pickAllowed } from '../disclosures/analyze-disclosure-document.ts';
import { type Disclosure, DisclosureSchema } from '../disclosures/disclosure.entity.ts';
import { type Actor, APPROVER_ROLES, requireRole } from '../identity/actor.ts';
import { ROLE_LABELS, type Role } from '../identity/session-user.ts';
import { findRegionInScope } from '../regions/region.service.ts';
import type { PublicContext } from '../../public-schema/public-context.ts';
import { PublicationRunSchema, PublicationSchema } from './publication.entity.ts';

/** The run's date in China (the database's `china_today()`), as YYYY-MM-DD. */
async function chinaToday(em: EntityManager): Promise<string> {
  const [row] = (await em.execute(`select to_char(china_today(), 'YYYY-MM-DD') as today`)) as { today: string }[];
  return row?.today ?? '';
}

export interface PublishedDataset {
  disclosureId: string;
  slug: string;
  rowCount: number;
  datasetSha256: string;
}

export interface PublicationFiles {
  runId: string;
  runAt: Date;
  /** The audit chain head when the run published, taken in the run's transaction. */
  auditChainHead: AuditChainHead | null;
  datasets: Dataset[];
  queries: ApprovedQuery[];
}

export interface RunResult {
  runId: string;
  runAt: Date;
  datasets: PublishedDataset[];
}

/** A publication run: executes every approved disclosure in scope and stores each dataset. */
export class PublicationService {
  constructor(
    private readonly orm: MikroORM,
    private readonly publicSchema: GraphQLSchema,
    private readonly onPublished: (files: PublicationFiles) => Promise<void>,
  ) {}

  async run(actor: Actor, regionCode?: string): Promise<RunResult> {
    requireRole(actor, APPROVER_ROLES);
    const result = await withScope(this.orm, actor.user, async (em) => {
      const region = await findRegionInScope(em, actor, regionCode ?? actor.user.regionCode, 'regionCode');
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
      const disclosures = await em.find(
        DisclosureSchema,
        { approvedSha256: { $ne: null } },
        { populate: ['region'] },
      );
      const runnable = disclosures.filter(
        (d) =>
          d.approvedSha256 === d.documentSha256 &&
          (d.region.path === region.path || d.region.path.startsWith(`${region.path}.`)),
      );
      const datasets: Dataset[] = [];
      const queries: ApprovedQuery[] = [];
      const published: PublishedDataset[] = [];
      for (const disclosure of runnable) {
        const dataset = await this.execute(em, disclosure, run.id, runAt);
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
        });
        datasets.push(dataset);
        queries.push(approvedQuery(dataset, disclosure));
        published.push({
          disclosureId: disclosure.id,
          slug: disclosure.slug,
          rowCount: dataset.rows.length,
          datasetSha256,
        });
      }
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
        after: { disclosures: datasets.map((d) => d.provenance.disclosureId), runAt },
      });
      return {
        runId: run.id,
        runAt,
        auditChainHead,
        datasets,
        queries,
        published,
      };
    });
    await this.onPublished({
      runId: result.runId,
      runAt: result.runAt,
      auditChainHead: result.auditChainHead,
      datasets: result.datasets,
      queries: result.queries,
    });
    return { runId: result.runId, runAt: result.runAt, datasets: result.published };
  }

  private async execute(
    em: EntityManager,
    disclosure: Disclosure,
    runId: string,
    runAt: Date,
  ): Promise<Dataset> {
    const analysis = analyzeDisclosureDocument(this.publicSchema, disclosure.document);
    // The query sees only the disclosure's own region, whatever the runner's scope.
    const result = await execute({
      schema: this.publicSchema,
      document: parse(disclosure.document),
      variableValues: disclosure.parameters,
      contextValue: {
        em,
        regionPath: disclosure.region.path,
        policy: DEFAULT_DISCLOSURE_POLICY,
        asOf: await chinaToday(em),
        previous: null,
      } satisfies PublicContext,
    });
    if (result.errors?.length) {
      throw new DomainError({
        code: 'INVALID_STATE',
        messageZh: `公开事项“${disclosure.name}”执行失败，请检查参数`,
        messageEn: `Disclosure "${disclosure.slug}" failed to run; check its parameters`,
      });
    }
    const list = (result.data?.[analysis.rootField] ?? []) as unknown[];
    const allowed = new Set(disclosure.outputFields);
    const rows = list.map((row) => pickAllowed(row, allowed) as Record<string, unknown>);
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
        rowCount: rows.length,
      },
      columns: disclosure.outputFields.map((name) => ({
        name,
        description: analysis.descriptions[name] ?? '',
        kind: analysis.kinds[name] ?? 'TEXT',
      })),
      rows,
    };
  }
}

/**
 * The approved query published beside a dataset: identity and approval from the dataset's own
 * provenance, the text and its settings from the disclosure it ran.
 */
export function approvedQuery(
  dataset: Dataset,
  source: Pick<Disclosure, 'description' | 'document' | 'parameters' | 'outputFields'>,
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
    policy: DEFAULT_DISCLOSURE_POLICY,
    approvedBy: provenance.approvedBy,
    approvedAt: provenance.approvedAt,
  };
}

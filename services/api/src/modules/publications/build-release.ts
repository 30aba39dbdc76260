import type { EntityManager } from '@mikro-orm/postgresql';
import type { Column, Dataset } from '@sunshine/disclosure/dataset';
import { diffDatasets } from '@sunshine/disclosure/releases/diff-datasets';
import {
  findIsolatingChanges,
  type IsolatingChange,
} from '@sunshine/disclosure/releases/find-isolating-changes';
import { type MatchedReleases, matchReleases, type Row } from '@sunshine/disclosure/releases/match-releases';
import type { ReleaseDiff } from '@sunshine/disclosure/releases/release-diff';
import { valueAt } from '@sunshine/disclosure/releases/row-values';
import { execute, type GraphQLSchema, parse } from 'graphql';
import { DomainError } from '../../errors/domain-error.ts';
import type { PublicContext } from '../../public-schema/public-context.ts';
import { analyzeDisclosureDocument, pickAllowed } from '../disclosures/analyze-disclosure-document.ts';
import type { Disclosure } from '../disclosures/disclosure.entity.ts';
import { explainChanges } from './release-reasons.ts';

/** The latest release of a disclosure: what the next one is compared with. */
export interface PreviousRelease {
  id: string;
  runId: string;
  runAt: Date;
  datasetSha256: string;
  dataset: Dataset;
}

export async function latestRelease(
  em: EntityManager,
  disclosureId: string,
): Promise<PreviousRelease | null> {
  const [row] = (await em.execute(
    `select id, run_id, run_at, dataset_sha256, dataset from publication
      where disclosure_id = ? order by run_at desc, id desc limit 1`,
    [disclosureId],
  )) as { id: string; run_id: string; run_at: Date | string; dataset_sha256: string; dataset: Dataset }[];
  return row
    ? {
        id: row.id,
        runId: row.run_id,
        runAt: new Date(row.run_at),
        datasetSha256: row.dataset_sha256,
        dataset: row.dataset,
      }
    : null;
}

/** The run's date in China (the database's `china_today()`), as YYYY-MM-DD. */
export async function chinaToday(em: EntityManager): Promise<string> {
  const [row] = (await em.execute(`select to_char(china_today(), 'YYYY-MM-DD') as today`)) as {
    today: string;
  }[];
  return row?.today ?? '';
}

/** A disclosure's output: its columns (the data dictionary) and de-identified rows. */
export interface DisclosureOutput {
  rootField: string;
  columns: Column[];
  rows: Row[];
}

/**
 * Runs a disclosure's query against the public schema. The query sees only the disclosure's own
 * region, whatever the caller's scope, with the disclosure's policy and the previous release (for
 * sticky suppression); only the allowlisted fields are kept.
 */
export async function executeDisclosure(
  em: EntityManager,
  publicSchema: GraphQLSchema,
  disclosure: Disclosure,
  context: { asOf: string; previous: Dataset | null },
): Promise<DisclosureOutput> {
  const analysis = analyzeDisclosureDocument(publicSchema, disclosure.document);
  const result = await execute({
    schema: publicSchema,
    document: parse(disclosure.document),
    variableValues: disclosure.parameters,
    contextValue: {
      em,
      regionPath: disclosure.region.path,
      policy: disclosure.policy,
      asOf: context.asOf,
      previous: context.previous,
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
  return {
    rootField: analysis.rootField,
    columns: disclosure.outputFields.map((name) => ({
      name,
      description: analysis.descriptions[name] ?? '',
      kind: analysis.kinds[name] ?? 'TEXT',
    })),
    rows: list.map((row) => pickAllowed(row, allowed) as Row),
  };
}

/** A release before it is stored: the output, its diff against the previous release, and any finding. */
export interface BuiltRelease {
  output: DisclosureOutput;
  previous: PreviousRelease | null;
  diff: ReleaseDiff;
  /** What, with the previous release, would tell something about fewer than k people. */
  findings: IsolatingChange[];
}

/** Runs a disclosure and compares its output with the previous release of the same disclosure. */
export async function buildRelease(
  em: EntityManager,
  publicSchema: GraphQLSchema,
  disclosure: Disclosure,
  asOf: string,
): Promise<BuiltRelease> {
  const previous = await latestRelease(em, disclosure.id);
  const output = await executeDisclosure(em, publicSchema, disclosure, {
    asOf,
    previous: previous?.dataset ?? null,
  });
  const before = previous?.dataset ?? null;
  const matched: MatchedReleases = matchReleases(before, output, output.rootField);
  const attributions = previous
    ? await explainChanges(em, output.rootField, matched, {
        since: previous.runAt,
        asOf,
        regionPath: disclosure.region.path,
      })
    : new Map();
  const options = { rootField: output.rootField, policy: disclosure.policy };
  const diff = diffDatasets(before, output, {
    ...options,
    matched,
    attributions,
    previousRef: previous
      ? { runId: previous.runId, runAt: previous.runAt.toISOString(), datasetSha256: previous.datasetSha256 }
      : null,
  });
  return { output, previous, diff, findings: findIsolatingChanges(before, output, diff, options) };
}

const FINDING_TEXT = {
  SMALL_MOVE_WITH_REASON: {
    zh: '人数变动少于公开门槛却公布了变动原因',
    en: 'moved by fewer people than the threshold while a reason for it is published',
  },
  SMALL_REASON: {
    zh: '单列了人数少于公开门槛的变动原因',
    en: 'itemises a reason for fewer people than the threshold',
  },
  SUPPRESSION_LIFTED: {
    zh: '上一期已隐藏，本期却公开',
    en: 'was hidden in the previous release and is shown in this one',
  },
} as const;

/**
 * The refusal of a release that, with the previous one, would single people out. It names the
 * disclosure, the cell's region and column, never a person (a names list's row is not named).
 */
export function isolationRefusal(
  disclosure: Pick<Disclosure, 'name' | 'slug'>,
  finding: IsolatingChange,
): DomainError {
  // A names list's row is a person: it is never described, only "the list".
  const row = finding.key === null ? null : finding.row;
  const place = ['region', 'township', 'village']
    .map((field) => ({
      code: row ? valueAt(row, `${field}.code`) : null,
      name: row ? valueAt(row, `${field}.name`) : null,
    }))
    .find((candidate) => typeof candidate.code === 'string');
  const where = place
    ? {
        zh: `${typeof place.name === 'string' ? place.name : ''}（${place.code}）`,
        en: `region ${place.code}`,
      }
    : row
      ? { zh: '某一行', en: 'a row' }
      : { zh: '名单', en: 'the list' };
  const cellZh = finding.field ? `${where.zh}的“${finding.field}”` : where.zh;
  const cellEn = finding.field ? `"${finding.field}" of ${where.en}` : where.en;
  const text = FINDING_TEXT[finding.kind];
  return new DomainError({
    code: 'INVALID_STATE',
    messageZh: `公开事项“${disclosure.name}”本期发布被拒绝：${cellZh}${text.zh}，与上一期对照可能识别到个人`,
    messageEn: `Disclosure "${disclosure.slug}" was not published: ${cellEn} ${text.en}; read with the previous release it could single a person out`,
  });
}

import type { ApprovedQuery, Dataset, Manifest, Provenance } from '@sunshine/disclosure/dataset';
import { datasetFile } from '@sunshine/disclosure/publication-files';
import { prettifyError, type ZodType } from 'zod';
import {
  type ActivityRow,
  type AssociationRow,
  type AwardRecipientRow,
  type AwardRound,
  activityRowSchema,
  associationRowSchema,
  awardRecipientRowSchema,
  type BenefitTotalRow,
  benefitTotalRowSchema,
  type EvaluationRow,
  evaluationRowSchema,
  type NoticeRecipientRow,
  noticeRecipientRowSchema,
  type ProgramRow,
  type PublicNoticeRow,
  type PublicRegionRef,
  programRowSchema,
  publicNoticeRowSchema,
  type RegionRow,
  type ReleaseEntry,
  regionRowSchema,
} from '../content/public-rows.ts';
import {
  PublicationFileError,
  type Publications,
  readPublicationsOnce,
} from '../content/read-publications.ts';
import { buildDate, noticeWindow } from './dates.ts';

/** The slugs of the public datasets (issue 5 contract); each may be absent from a publication. */
export const SLUGS = {
  policies: 'policy-notices',
  awards: 'award-recipients',
  recipients: 'notice-recipients',
  notices: 'public-notices',
  totals: 'benefit-totals',
  activity: 'activity-statistics',
  associations: 'association-statistics',
  evaluations: 'evaluation-results',
  programs: 'programs',
  regions: 'regions',
} as const;

export type RegionLevel = 'COUNTY' | 'TOWNSHIP' | 'VILLAGE';

export interface RegionNode {
  code: string;
  name: string;
  level: RegionLevel;
  parent: RegionNode | undefined;
  children: RegionNode[];
}

export interface AwardRoundWithRecipients {
  round: AwardRound;
  recipients: AwardRecipientRow[];
}

export interface PortalData {
  /** The day "days left" counts from (China date). */
  today: string;
  manifest: (Manifest & { sha256: string }) | undefined;
  datasets: Map<string, Dataset>;
  queries: Map<string, ApprovedQuery>;
  releases: Map<string, ReleaseEntry[]>;
  provenance(slug: string): Provenance | undefined;

  regions: Map<string, RegionNode>;
  /** Counties (normally one), sorted by code. */
  roots: RegionNode[];
  programs: Map<string, ProgramRow>;
  /** Open notices first (soonest deadline first), then upcoming, then ended (latest first). */
  notices: PublicNoticeRow[];
  noticeById: Map<string, PublicNoticeRow>;
  recipientsByNotice: Map<string, NoticeRecipientRow[]>;
  totalsByRegion: Map<string, BenefitTotalRow[]>;
  totalsByProgram: Map<string, BenefitTotalRow[]>;
  activityByRegion: Map<string, ActivityRow[]>;
  associationByRegion: Map<string, AssociationRow>;
  evaluationsByRegion: Map<string, EvaluationRow[]>;
  /** Newest first. */
  awardRounds: AwardRoundWithRecipients[];
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function parseRows<T>(datasets: Map<string, Dataset>, slug: string, schema: ZodType<T>): T[] {
  const dataset = datasets.get(slug);
  if (!dataset) return [];
  return dataset.rows.map((raw, index) => {
    const result = schema.safeParse(raw);
    if (!result.success) {
      throw new PublicationFileError(datasetFile(slug), `rows[${index}]: ${prettifyError(result.error)}`);
    }
    return result.data;
  });
}

/** Statistical codes nest: 6 digits county, 3 township, 3 village. */
export function parentCodeOf(code: string, level: RegionLevel): string | undefined {
  if (level === 'VILLAGE') return `${code.slice(0, 9)}000`;
  if (level === 'TOWNSHIP') return `${code.slice(0, 6)}000000`;
  return undefined;
}

function buildRegionTree(
  rows: readonly RegionRow[],
  seen: readonly (PublicRegionRef & { parentCode?: string | null })[],
): { regions: Map<string, RegionNode>; roots: RegionNode[] } {
  const regions = new Map<string, RegionNode>();
  const parents = new Map<string, string | undefined>();
  // The regions dataset first; regions named in other datasets fill in when it is absent.
  for (const region of [...rows, ...seen]) {
    if (regions.has(region.code)) continue;
    regions.set(region.code, {
      code: region.code,
      name: region.name,
      level: region.level,
      parent: undefined,
      children: [],
    });
    parents.set(region.code, region.parentCode ?? parentCodeOf(region.code, region.level));
  }
  const roots: RegionNode[] = [];
  for (const node of [...regions.values()].sort((a, b) => a.code.localeCompare(b.code))) {
    const parent = regions.get(parents.get(node.code) ?? '');
    if (parent && parent !== node) {
      node.parent = parent;
      parent.children.push(node);
    } else roots.push(node);
  }
  return { regions, roots };
}

/** Ancestors from the root down to the node itself. */
export function regionPath(node: RegionNode): RegionNode[] {
  const path: RegionNode[] = [];
  for (let at: RegionNode | undefined = node; at; at = at.parent) path.unshift(at);
  return path;
}

const PHASE_ORDER = { open: 0, upcoming: 1, ended: 2 } as const;

/**
 * The publication the site is built from: `SUNSHINE_PUBLICATIONS_DIR`, which buildPortal sets and
 * astro.config.mjs defaults to the repository's `var/publications`.
 */
export function readSitePublications(): Promise<Publications> {
  const dir = process.env.SUNSHINE_PUBLICATIONS_DIR;
  if (!dir) throw new Error('SUNSHINE_PUBLICATIONS_DIR is not set (astro.config.mjs sets a default)');
  return readPublicationsOnce(dir);
}

function load(publications: Publications): PortalData {
  const today = buildDate();
  const datasets = new Map([...publications.datasets].map(([slug, file]) => [slug, file.dataset]));
  const queries = new Map([...publications.queries].map(([slug, file]) => [slug, file.query]));
  const releases = new Map([...publications.releases].map(([slug, file]) => [slug, file.entries]));
  const manifest =
    publications.manifest && publications.manifestSha256
      ? { ...publications.manifest, sha256: publications.manifestSha256 }
      : undefined;

  const regionRows = parseRows(datasets, SLUGS.regions, regionRowSchema);
  const notices = parseRows(datasets, SLUGS.notices, publicNoticeRowSchema);
  const recipients = parseRows(datasets, SLUGS.recipients, noticeRecipientRowSchema);
  const totals = parseRows(datasets, SLUGS.totals, benefitTotalRowSchema);
  const activity = parseRows(datasets, SLUGS.activity, activityRowSchema);
  const associations = parseRows(datasets, SLUGS.associations, associationRowSchema);
  const evaluations = parseRows(datasets, SLUGS.evaluations, evaluationRowSchema);
  const programs = parseRows(datasets, SLUGS.programs, programRowSchema);
  const awards = parseRows(datasets, SLUGS.awards, awardRecipientRowSchema);

  const { regions, roots } = buildRegionTree(regionRows, [
    ...totals.map((r) => ({ ...r.region, parentCode: r.parentCode })),
    ...activity.map((r) => ({ ...r.region, parentCode: r.parentCode })),
    ...associations.map((r) => ({ ...r.region, parentCode: r.parentCode })),
    ...notices.map((r) => r.township),
    ...recipients.flatMap((r) => [r.township, r.village]),
    ...evaluations.map((r) => r.region),
    ...awards.flatMap((r) => [r.region, r.round.region]),
  ]);

  const phase = (n: PublicNoticeRow) => noticeWindow(n.startsOn, n.endsOn, today).phase;
  const sortedNotices = [...notices].sort(
    (a, b) =>
      PHASE_ORDER[phase(a)] - PHASE_ORDER[phase(b)] ||
      (phase(a) === 'ended' ? b.endsOn.localeCompare(a.endsOn) : a.endsOn.localeCompare(b.endsOn)) ||
      a.township.code.localeCompare(b.township.code) ||
      a.id.localeCompare(b.id),
  );

  const rounds = new Map<string, AwardRoundWithRecipients>();
  for (const row of awards) {
    const entry = rounds.get(row.round.id) ?? { round: row.round, recipients: [] };
    entry.recipients.push(row);
    rounds.set(row.round.id, entry);
  }

  return {
    today,
    manifest,
    datasets,
    queries,
    releases,
    provenance: (slug) => datasets.get(slug)?.provenance,
    regions,
    roots,
    programs: new Map(programs.map((p) => [p.code, p])),
    notices: sortedNotices,
    noticeById: new Map(notices.map((n) => [n.id, n])),
    recipientsByNotice: groupBy(recipients, (r) => r.notice.id),
    totalsByRegion: groupBy(totals, (r) => r.region.code),
    totalsByProgram: groupBy(totals, (r) => r.program.code),
    activityByRegion: groupBy(activity, (r) => r.region.code),
    associationByRegion: new Map(associations.map((r) => [r.region.code, r])),
    evaluationsByRegion: groupBy(evaluations, (r) => r.region.code),
    awardRounds: [...rounds.values()].sort(
      (a, b) => b.round.issuedOn.localeCompare(a.round.issuedOn) || a.round.id.localeCompare(b.round.id),
    ),
  };
}

const loaded = new WeakMap<Publications, PortalData>();

/**
 * Everything the pages read, parsed and indexed once per build (per read of the publication: a warm
 * build process keeps this module between builds, see readPublicationsOnce).
 */
export async function getPortalData(): Promise<PortalData> {
  const publications = await readSitePublications();
  let data = loaded.get(publications);
  if (!data) {
    data = load(publications);
    loaded.set(publications, data);
  }
  return data;
}

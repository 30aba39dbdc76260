import type { Provenance } from '@sunshine/disclosure/dataset';
import { pageCacheKey } from '../../scripts/page-cache-key.ts';
import type {
  ActivityRow,
  AssociationRow,
  AwardRecipientRow,
  BenefitTotalRow,
  EvaluationRow,
  NoticeRecipientRow,
  ProgramRow,
  PublicNoticeRow,
} from '../content/public-rows.ts';
import { noticeWindow } from './dates.ts';
import { type PortalData, type RegionLevel, type RegionNode, regionPath, SLUGS } from './portal-data.ts';

/**
 * What each page shows, computed from the publication: a page renders only its view (plus the
 * interface strings of its variant), and its `cacheKey` for incremental builds is the hash of that
 * view, so a page is rendered again exactly when something it shows has changed.
 */

export interface RegionRef {
  code: string;
  name: string;
  level: RegionLevel;
}

// A page's view is computed for its cache key in getStaticPaths() and again when each of its four
// variants renders: once per build is enough (views are read-only).
const viewCache = new WeakMap<PortalData, Map<string, unknown>>();

function once<T>(data: PortalData, key: string, compute: () => T): T {
  let views = viewCache.get(data);
  if (!views) {
    views = new Map();
    viewCache.set(data, views);
  }
  if (views.has(key)) return views.get(key) as T;
  const view = compute();
  views.set(key, view);
  return view;
}

const refOf = (node: RegionNode): RegionRef => ({ code: node.code, name: node.name, level: node.level });

/** How many ended notices a list shows before it stops (the township pages list all of theirs). */
export const ENDED_NOTICES_SHOWN = 12;

export interface NoticeLink {
  notice: PublicNoticeRow;
  /** The notice page, or this village's list of it. */
  path: string;
}

export interface RecipientGroup {
  notice: PublicNoticeRow | undefined;
  noticeId: string;
  program: { code: string; name: string };
  year: number;
  startsOn: string;
  endsOn: string;
  objectionOffice: string;
  objectionPhone: string;
}

export interface VillageRecipients extends RecipientGroup {
  posterPath: string;
  rows: NoticeRecipientRow[];
}

/** A notice's list seen from a township or the county: how many villages and people it names. */
export interface ListedNotice extends RecipientGroup {
  villages: number;
  people: number;
}

export interface RegionView {
  region: RegionRef;
  ancestors: RegionRef[];
  children: RegionRef[];
  notices: NoticeLink[];
  endedNoticesLeftOut: number;
  villageRecipients: VillageRecipients[];
  listedNotices: ListedNotice[];
  /** County pages: per township, its current notices and the people its lists name. */
  townshipSummary: { township: RegionRef; open: number; upcoming: number; people: number }[];
  totals: BenefitTotalRow[];
  childTotals: { region: RegionRef; rows: BenefitTotalRow[] }[];
  activity: ActivityRow[];
  association: AssociationRow | undefined;
  childAssociations: AssociationRow[];
  /** This area's own evaluations, its children's when few, else only those that failed. */
  evaluations: EvaluationRow[];
  /** Over the children: how many evaluations, how many passed. */
  childEvaluations: { total: number; passed: number };
  sources: Partial<Record<keyof typeof SLUGS, Provenance>>;
}

function sourcesOf(
  data: PortalData,
  keys: (keyof typeof SLUGS)[],
): Partial<Record<keyof typeof SLUGS, Provenance>> {
  const out: Partial<Record<keyof typeof SLUGS, Provenance>> = {};
  for (const key of keys) {
    const provenance = data.provenance(SLUGS[key]);
    if (provenance) out[key] = provenance;
  }
  return out;
}

export const posterPath = (noticeId: string, villageCode: string) => `/notices/${noticeId}/${villageCode}/`;

function groupOf(first: NoticeRecipientRow, notice: PublicNoticeRow | undefined): RecipientGroup {
  return {
    notice,
    noticeId: first.notice.id,
    program: first.program,
    year: first.year,
    startsOn: first.notice.startsOn,
    endsOn: first.notice.endsOn,
    objectionOffice: first.notice.objectionOffice,
    objectionPhone: first.notice.objectionPhone,
  };
}

/** Notices of an area: open ones first, then upcoming, then the most recent ended ones. */
function noticesFor(
  data: PortalData,
  townshipCodes: Set<string> | undefined,
  limitEnded: boolean,
  programCode?: string,
) {
  const select = () =>
    data.notices.filter(
      (n) =>
        (!townshipCodes || townshipCodes.has(n.township.code)) &&
        (!programCode || n.program.code === programCode),
    );
  // A township's page and each of its villages' pages list the township's notices: one pass over a
  // province's notices per township, not per village.
  const only = townshipCodes?.size === 1 && !programCode ? [...townshipCodes][0] : undefined;
  const all = only === undefined ? select() : once(data, `township-notices:${only}`, select);
  const ended = all.filter((n) => noticeWindow(n.startsOn, n.endsOn, data.today).phase === 'ended');
  const shown = limitEnded ? new Set(ended.slice(0, ENDED_NOTICES_SHOWN)) : new Set(ended);
  return {
    notices: all.filter((n) => !ended.includes(n) || shown.has(n)),
    leftOut: ended.length - shown.size,
  };
}

export function regionView(data: PortalData, code: string): RegionView {
  return once(data, `region:${code}`, () => computeRegionView(data, code));
}

function computeRegionView(data: PortalData, code: string): RegionView {
  const node = data.regions.get(code);
  if (!node) throw new Error(`no region ${code}`);
  const path = regionPath(node);
  const township = path.find((n) => n.level === 'TOWNSHIP');
  const townshipCodes = node.level === 'COUNTY' ? undefined : new Set(township ? [township.code] : []);
  // The county page sums its townships' notices up instead of listing each (see townshipSummary).
  const { notices, leftOut } =
    node.level === 'COUNTY' ? { notices: [], leftOut: 0 } : noticesFor(data, townshipCodes, true);

  const villageRecipients: VillageRecipients[] = [];
  const listedNotices: ListedNotice[] = [];
  for (const [noticeId, rows] of data.recipientsByNotice) {
    const first = rows[0];
    if (!first) continue;
    const notice = data.noticeById.get(noticeId);
    if (node.level === 'VILLAGE') {
      const mine = rows.filter((r) => r.village.code === node.code);
      if (mine.length > 0) {
        villageRecipients.push({
          ...groupOf(first, notice),
          posterPath: posterPath(noticeId, node.code),
          rows: mine,
        });
      }
      continue;
    }
    const mine = node.level === 'TOWNSHIP' ? rows.filter((r) => r.township.code === node.code) : rows;
    if (mine.length > 0) {
      listedNotices.push({
        ...groupOf(first, notice),
        villages: new Set(mine.map((r) => r.village.code)).size,
        people: mine.length,
      });
    }
  }
  listedNotices.sort((a, b) => a.endsOn.localeCompare(b.endsOn) || a.noticeId.localeCompare(b.noticeId));
  const townshipSummary =
    node.level !== 'COUNTY'
      ? []
      : node.children.map((township) => {
          const phases = data.notices
            .filter((n) => n.township.code === township.code)
            .map((n) => noticeWindow(n.startsOn, n.endsOn, data.today).phase);
          return {
            township: refOf(township),
            open: phases.filter((p) => p === 'open').length,
            upcoming: phases.filter((p) => p === 'upcoming').length,
            people: [...data.recipientsByNotice.values()].reduce(
              (sum, rows) => sum + rows.filter((r) => r.township.code === township.code).length,
              0,
            ),
          };
        });

  const noticeLinks = notices.map((notice) => ({
    notice,
    path:
      node.level === 'VILLAGE' && villageRecipients.some((g) => g.noticeId === notice.id)
        ? posterPath(notice.id, node.code)
        : `/notices/${notice.id}/`,
  }));

  /** Children shown one by one up to this many; beyond, only those that failed. */
  const EVALUATIONS_LISTED = 20;
  const childEvaluations = node.children.flatMap((c) => data.evaluationsByRegion.get(c.code) ?? []);
  const evaluations = [
    ...(data.evaluationsByRegion.get(node.code) ?? []),
    ...(childEvaluations.length <= EVALUATIONS_LISTED
      ? childEvaluations
      : childEvaluations.filter((e) => !e.passed)),
  ];

  return {
    region: refOf(node),
    ancestors: path.slice(0, -1).map(refOf),
    children: node.children.map(refOf),
    notices: noticeLinks,
    endedNoticesLeftOut: leftOut,
    villageRecipients,
    listedNotices: node.level === 'COUNTY' ? [] : listedNotices,
    townshipSummary,
    totals: data.totalsByRegion.get(node.code) ?? [],
    childTotals: node.children.map((child) => ({
      region: refOf(child),
      rows: data.totalsByRegion.get(child.code) ?? [],
    })),
    activity: data.activityByRegion.get(node.code) ?? [],
    association: data.associationByRegion.get(node.code),
    childAssociations: node.children.flatMap((c) => data.associationByRegion.get(c.code) ?? []),
    evaluations,
    childEvaluations: {
      total: childEvaluations.length,
      passed: childEvaluations.filter((e) => e.passed).length,
    },
    sources: sourcesOf(data, [
      'notices',
      'recipients',
      'totals',
      'activity',
      'associations',
      'evaluations',
      'regions',
    ]),
  };
}

export interface NoticeView {
  notice: PublicNoticeRow;
  program: ProgramRow | undefined;
  township: RegionRef;
  ancestors: RegionRef[];
  /** Villages with names listed, with their counts. */
  villages: { region: RegionRef; count: number; path: string }[];
  sources: Partial<Record<keyof typeof SLUGS, Provenance>>;
}

export function noticeView(data: PortalData, id: string): NoticeView {
  return once(data, `notice:${id}`, () => computeNoticeView(data, id));
}

function computeNoticeView(data: PortalData, id: string): NoticeView {
  const notice = data.noticeById.get(id);
  if (!notice) throw new Error(`no notice ${id}`);
  const townshipNode = data.regions.get(notice.township.code);
  const counts = new Map<string, { region: RegionRef; count: number; path: string }>();
  for (const row of data.recipientsByNotice.get(id) ?? []) {
    const entry = counts.get(row.village.code) ?? {
      region: row.village,
      count: 0,
      path: posterPath(id, row.village.code),
    };
    entry.count += 1;
    counts.set(row.village.code, entry);
  }
  return {
    notice,
    program: data.programs.get(notice.program.code),
    township: notice.township,
    ancestors: townshipNode ? regionPath(townshipNode).slice(0, -1).map(refOf) : [],
    villages: [...counts.values()].sort((a, b) => a.region.code.localeCompare(b.region.code)),
    sources: sourcesOf(data, ['notices', 'recipients']),
  };
}

export interface PosterView {
  notice: PublicNoticeRow;
  village: RegionRef;
  township: RegionRef;
  ancestors: RegionRef[];
  rows: NoticeRecipientRow[];
  sources: Partial<Record<keyof typeof SLUGS, Provenance>>;
  /** The release the list was published in, printed small on the poster. */
  release: { runId: string; manifestSha256: string } | undefined;
}

/** Every (notice, village) with a list of names: one printable poster each. */
export function posterKeys(data: PortalData): { noticeId: string; villageCode: string }[] {
  const keys: { noticeId: string; villageCode: string }[] = [];
  for (const [noticeId, rows] of data.recipientsByNotice) {
    if (!data.noticeById.has(noticeId)) continue;
    for (const villageCode of new Set(rows.map((r) => r.village.code))) keys.push({ noticeId, villageCode });
  }
  return keys;
}

export function posterView(data: PortalData, noticeId: string, villageCode: string): PosterView {
  return once(data, `poster:${noticeId}:${villageCode}`, () =>
    computePosterView(data, noticeId, villageCode),
  );
}

function computePosterView(data: PortalData, noticeId: string, villageCode: string): PosterView {
  const notice = data.noticeById.get(noticeId);
  if (!notice) throw new Error(`no notice ${noticeId}`);
  const rows = (data.recipientsByNotice.get(noticeId) ?? []).filter((r) => r.village.code === villageCode);
  const first = rows[0];
  if (!first) throw new Error(`no names of notice ${noticeId} in ${villageCode}`);
  const villageNode = data.regions.get(villageCode);
  return {
    notice,
    village: first.village,
    township: first.township,
    ancestors: villageNode ? regionPath(villageNode).slice(0, -1).map(refOf) : [],
    rows,
    sources: sourcesOf(data, ['notices', 'recipients']),
    release: data.manifest ? { runId: data.manifest.runId, manifestSha256: data.manifest.sha256 } : undefined,
  };
}

export interface ProgramView {
  program: ProgramRow;
  countyTotals: BenefitTotalRow[];
  townshipTotals: { region: RegionRef; rows: BenefitTotalRow[] }[];
  notices: NoticeLink[];
  endedNoticesLeftOut: number;
  sources: Partial<Record<keyof typeof SLUGS, Provenance>>;
}

export function programView(data: PortalData, code: string): ProgramView {
  return once(data, `program:${code}`, () => computeProgramView(data, code));
}

function computeProgramView(data: PortalData, code: string): ProgramView {
  const program = data.programs.get(code);
  if (!program) throw new Error(`no program ${code}`);
  const rows = data.totalsByProgram.get(code) ?? [];
  const countyCodes = new Set(data.roots.map((r) => r.code));
  const townships = data.roots.flatMap((r) => r.children);
  const notices = noticesFor(data, undefined, true, code);
  return {
    program,
    countyTotals: rows.filter((r) => countyCodes.has(r.region.code)).sort((a, b) => a.year - b.year),
    townshipTotals: townships.map((t) => ({
      region: refOf(t),
      rows: rows.filter((r) => r.region.code === t.code),
    })),
    notices: notices.notices.map((notice) => ({ notice, path: `/notices/${notice.id}/` })),
    endedNoticesLeftOut: notices.leftOut,
    sources: sourcesOf(data, ['programs', 'totals', 'notices']),
  };
}

/**
 * The cache key of a page: its view and anything else it renders from (the build date, …). Only an
 * incremental build (PORTAL_INCREMENTAL=1, set by buildPortal with a cache folder) reads the keys; a
 * one-off build skips hashing every page's data.
 */
export const cacheKeyOf = (...parts: unknown[]): string | undefined =>
  process.env.PORTAL_INCREMENTAL === '1' ? pageCacheKey(...parts) : undefined;

const phaseOf = (data: PortalData) => (n: PublicNoticeRow) =>
  noticeWindow(n.startsOn, n.endsOn, data.today).phase;

export function homeView(
  data: PortalData,
  latestPolicies: unknown[],
  policiesSource: Provenance | undefined,
) {
  const phase = phaseOf(data);
  return {
    today: data.today,
    // A list whose period is over stays up while an objection to it is being handled: still open to residents.
    open: data.notices.filter((n) => phase(n) === 'open' || (phase(n) === 'ended' && n.namesPublished)),
    upcoming: data.notices.filter((n) => phase(n) === 'upcoming'),
    noticesSource: data.provenance(SLUGS.notices),
    latest: latestPolicies,
    policiesSource,
    county: data.roots[0] ? { code: data.roots[0].code, name: data.roots[0].name } : undefined,
    // Pages reused by an incremental build keep what they showed, so only pages rendered again for
    // every run (this one, the provenance page, the posters) name the current release.
    release: data.manifest
      ? { runId: data.manifest.runId, runAt: data.manifest.runAt, sha256: data.manifest.sha256 }
      : undefined,
  };
}

export function noticesIndexView(data: PortalData) {
  const phase = phaseOf(data);
  const ended = data.notices.filter((n) => phase(n) === 'ended');
  return {
    current: data.notices.filter((n) => phase(n) !== 'ended'),
    ended: ended.slice(0, ENDED_NOTICES_SHOWN),
    endedLeftOut: ended.length - Math.min(ended.length, ENDED_NOTICES_SHOWN),
    townships: [...new Map(data.notices.map((n) => [n.township.code, n.township])).values()].sort((a, b) =>
      a.code.localeCompare(b.code),
    ),
    source: data.provenance(SLUGS.notices),
  };
}

export type RegionTree = { code: string; name: string; children: RegionTree[] };
const treeOf = (node: RegionNode): RegionTree => ({
  code: node.code,
  name: node.name,
  children: node.children.map(treeOf),
});
export const regionsIndexView = (data: PortalData) => ({
  tree: data.roots.map(treeOf),
  source: data.provenance(SLUGS.regions),
});

export const programsIndexView = (data: PortalData) => ({
  programs: [...data.programs.values()],
  source: data.provenance(SLUGS.programs),
});

export const awardsIndexView = (data: PortalData) => ({
  rounds: data.awardRounds.map(({ round, recipients }) => ({ round, count: recipients.length })),
  source: data.provenance(SLUGS.awards),
});

/** Recipients per award page: a county round of a few hundred stays within the page budget. */
export const AWARD_PAGE_SIZE = 100;

export function awardRoundView(data: PortalData, id: string) {
  const entry = data.awardRounds.find((r) => r.round.id === id);
  if (!entry) throw new Error(`no award round ${id}`);
  // Grouped by category, so that a page break never interleaves categories.
  const order = [...new Set(entry.recipients.map((r) => r.category))];
  const sorted = order.flatMap((category) => entry.recipients.filter((r) => r.category === category));
  const pages: AwardRecipientRow[][] = [];
  for (let i = 0; i < Math.max(1, sorted.length); i += AWARD_PAGE_SIZE)
    pages.push(sorted.slice(i, i + AWARD_PAGE_SIZE));
  return { round: entry.round, pages, source: data.provenance(SLUGS.awards) };
}

export function disclosureView(data: PortalData, slug: string) {
  const query = data.queries.get(slug);
  if (!query) throw new Error(`no approved query ${slug}`);
  return {
    query,
    provenance: data.provenance(slug),
    hasData: data.datasets.has(slug),
    releases: data.releases.get(slug) ?? [],
  };
}

export const dataIndexView = (data: PortalData) =>
  [...data.datasets.entries()].map(([slug, dataset]) => ({
    slug,
    name: dataset.provenance.name,
    description: data.queries.get(slug)?.description ?? '',
    rowCount: dataset.provenance.rowCount,
    provenance: dataset.provenance,
  }));

export function dictionaryView(data: PortalData, slug: string) {
  const dataset = data.datasets.get(slug);
  if (!dataset) throw new Error(`no dataset ${slug}`);
  return {
    columns: dataset.columns,
    provenance: dataset.provenance,
    description: data.queries.get(slug)?.description ?? '',
  };
}

export const provenanceView = (data: PortalData) => ({
  manifest: data.manifest,
  disclosures: [...data.queries.values()].map((q) => ({
    slug: q.slug,
    name: q.name,
    documentSha256: q.documentSha256,
  })),
});

import { auditSuppressedTable, type SuppressedTable } from '@sunshine/deidentify';
import { type Dataset, DEFAULT_DISCLOSURE_POLICY } from '@sunshine/disclosure/dataset';
import type { DisclosureDefinition } from '@sunshine/disclosure/disclosures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  disclosureDefinition,
  type PublicQueryHarness,
  startPublicQueryHarness,
} from '../../test/public-query-harness.ts';
import { analyzeDisclosureDocument } from '../modules/disclosures/analyze-disclosure-document.ts';

const TOWNSHIP = '330199101000';
const DEMO_TODAY = '2026-11-15';

const ACTIVITY_STATISTICS = disclosureDefinition('activity-statistics');
const ASSOCIATION_STATISTICS = disclosureDefinition('association-statistics');
const EVALUATION_RESULTS = disclosureDefinition('evaluation-results');

interface Region {
  code: string;
  name: string;
  level: string;
}
interface ActivityRow {
  region: Region;
  parentCode: string | null;
  year: number;
  kind: string;
  kindLabel: string;
  activityCount: number;
  participants: number;
  leaflets: number;
  consultations: number;
  peopleScreened: number;
}
interface AssociationRow {
  region: Region;
  parentCode: string | null;
  associationCount: number;
  modelCount: number;
  advancedCount: number;
  memberCount: number | null;
  suppressed: boolean;
  suppressionReason: string | null;
}
interface EvaluationRow {
  id: string;
  association: { code: string; name: string };
  region: Region;
  evaluatedOn: string;
  passed: boolean;
  score: number | null;
  rectificationDeadline: string | null;
  reEvaluation: boolean;
}

let harness: PublicQueryHarness;
beforeAll(async () => {
  harness = await startPublicQueryHarness();
});
afterAll(async () => {
  await harness?.close();
});

describe('the statistics disclosures', () => {
  it('allow exactly the leaves their query selects, each described for residents', () => {
    for (const disclosure of [ACTIVITY_STATISTICS, ASSOCIATION_STATISTICS, EVALUATION_RESULTS]) {
      const analysis = analyzeDisclosureDocument(harness.schema, disclosure.document);
      expect(analysis.leafPaths, disclosure.slug).toEqual([...disclosure.outputFields]);
      for (const path of analysis.leafPaths) {
        expect(analysis.descriptions[path], `${disclosure.slug}: ${path}`).toMatch(/\p{Script=Han}/u);
      }
    }
  });

  it('declare member counts as person counts and head counts of activities as plain figures', () => {
    const kinds = (disclosure: DisclosureDefinition) =>
      analyzeDisclosureDocument(harness.schema, disclosure.document).kinds;
    expect(kinds(ASSOCIATION_STATISTICS)).toMatchObject({
      memberCount: 'PERSON_COUNT',
      associationCount: 'TEXT',
      suppressionReason: 'SUPPRESSION_NOTE',
    });
    const activity = kinds(ACTIVITY_STATISTICS);
    for (const column of ['activityCount', 'participants', 'leaflets', 'consultations', 'peopleScreened']) {
      expect(activity[column], column).toBe('TEXT');
    }
    expect(Object.values(kinds(EVALUATION_RESULTS)).every((kind) => kind === 'TEXT')).toBe(true);
  });
});

describe('activityStatistics', () => {
  let rows: ActivityRow[];
  beforeAll(async () => {
    rows = await harness.run<ActivityRow>(ACTIVITY_STATISTICS);
  });

  it('gives the county, per year and kind, every activity the associations recorded', async () => {
    const truth = await harness.ownerRows<{
      year: number;
      kind: string;
      n: number;
      participants: number;
      screened: number;
    }>(
      `select extract(year from held_on)::int as year, kind, count(*)::int as n,
              sum(participants)::int as participants, sum(people_screened)::int as screened
         from activity where held_on <= $1 group by 1, 2`,
      [DEMO_TODAY],
    );
    const county = rows.filter((r) => r.region.level === 'COUNTY');
    expect(county.length).toBe(truth.length);
    for (const t of truth) {
      const row = county.find((r) => r.year === t.year && r.kind === t.kind);
      expect(row, `${t.year}/${t.kind}`).toMatchObject({
        activityCount: t.n,
        participants: t.participants,
        peopleScreened: t.screened,
      });
      expect(row?.kindLabel).toMatch(/\p{Script=Han}/u);
    }
  });

  it('adds a township’s own activities and its villages’ up to its row', async () => {
    const township = rows.filter((r) => r.region.code === TOWNSHIP);
    expect(township.length).toBeGreaterThan(0);
    for (const row of township) {
      const villages = rows.filter(
        (r) => r.parentCode === TOWNSHIP && r.year === row.year && r.kind === row.kind,
      );
      const [own] = await harness.ownerRows<{ n: number }>(
        `select count(*)::int as n from activity where region_path = $1::ltree
            and extract(year from held_on) = $2 and kind = $3 and held_on <= $4`,
        [harness.regionPaths.get(TOWNSHIP), row.year, row.kind, DEMO_TODAY],
      );
      expect(villages.reduce((n, v) => n + v.activityCount, own?.n ?? 0)).toBe(row.activityCount);
      for (const village of villages) expect(village.region.level).toBe('VILLAGE');
    }
  });

  it('gives a township only its own rows, with the same figures', async () => {
    const narrowed = await harness.run<ActivityRow>(ACTIVITY_STATISTICS, { regionCode: TOWNSHIP });
    expect(narrowed.length).toBeGreaterThan(0);
    for (const row of narrowed) expect(row.region.code.startsWith(TOWNSHIP.slice(0, 9))).toBe(true);
    const inCounty = rows.filter((r) => r.region.code.startsWith(TOWNSHIP.slice(0, 9)));
    expect(narrowed).toEqual(inCounty);
  });
});

describe('associationStatistics', () => {
  let rows: AssociationRow[];
  beforeAll(async () => {
    rows = await harness.run<AssociationRow>(ASSOCIATION_STATISTICS);
  });

  it('counts associations, model and advanced ones, and current members once each', async () => {
    const [truth] = await harness.ownerRows<{
      associations: number;
      model: number;
      advanced: number;
      members: number;
    }>(
      `select (select count(*)::int from association) as associations,
              (select count(*)::int from association where standing = 'MODEL') as model,
              (select count(*)::int from association where standing = 'ADVANCED') as advanced,
              (select count(distinct person_id)::int from member
                where left_on is null or left_on > $1) as members`,
      [DEMO_TODAY],
    );
    const county = rows.find((r) => r.region.level === 'COUNTY');
    expect(county).toMatchObject({
      associationCount: truth?.associations,
      modelCount: truth?.model,
      advancedCount: truth?.advanced,
      memberCount: truth?.members,
      suppressed: false,
    });
    expect(rows.filter((r) => r.region.level === 'TOWNSHIP').length).toBe(18);
    expect(rows.some((r) => r.region.level === 'VILLAGE')).toBe(true);
  });

  /** The published member counts as the one-column table the audit reads. */
  function memberTable(published: AssociationRow[]): SuppressedTable {
    return {
      k: DEFAULT_DISCLOSURE_POLICY.k,
      columns: ['members'],
      generalisation: null,
      cells: published.map((row) => ({
        regionPath: harness.regionPaths.get(row.region.code) as string,
        column: 'members',
        count: row.memberCount,
        sum: row.memberCount === null ? null : '0',
        suppression: row.suppressed ? { code: 'PRIMARY', reason: row.suppressionReason ?? '' } : null,
      })),
    };
  }

  it('hides a village whose association is down to a few members, and enough around it', async () => {
    const [village] = await harness.ownerRows<{ code: string; association_id: string }>(
      `select r.code, min(a.id::text) as association_id from region r join association a on a.region_id = r.id
        where r.level = 'VILLAGE' group by r.code having count(*) = 1 order by r.code limit 1`,
    );
    const shrunk = await harness.run<AssociationRow>(ASSOCIATION_STATISTICS, {
      before: async (em) => {
        // All but two members leave on the day they joined (before the run date).
        await em.execute(
          `update member set left_on = coalesce(joined_on, date '2026-01-01')
            where association_id = ? and id not in (
              select id from member where association_id = ? order by id limit 2)`,
          [village?.association_id, village?.association_id],
        );
      },
    });
    const row = shrunk.find((r) => r.region.code === village?.code);
    expect(row).toMatchObject({ memberCount: null, suppressed: true });
    expect(row?.suppressionReason).toMatch(/\p{Script=Han}/u);
    expect(row?.associationCount).toBe(1);
    expect(auditSuppressedTable(memberTable(shrunk))).toEqual([]);
    expect(shrunk.filter((r) => r.suppressed).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps a member count the previous release hid hidden', async () => {
    const village = rows.find((r) => r.region.level === 'VILLAGE') as AssociationRow;
    const previous = {
      provenance: {} as Dataset['provenance'],
      columns: [],
      rows: [{ ...village, memberCount: null, suppressed: true, suppressionReason: '…' }],
    } as Dataset;
    const next = await harness.run<AssociationRow>(ASSOCIATION_STATISTICS, { previous });
    expect(next.find((r) => r.region.code === village.region.code)).toMatchObject({
      memberCount: null,
      suppressed: true,
      suppressionReason: '上一期已隐藏，为防止前后对比推算，本期继续隐藏',
    });
    expect(auditSuppressedTable(memberTable(next))).toEqual([]);
  });
});

describe('evaluationResults', () => {
  let rows: EvaluationRow[];
  beforeAll(async () => {
    rows = await harness.run<EvaluationRow>(EVALUATION_RESULTS);
  });

  it('lists every evaluation up to the run date, newest first, with its outcome', async () => {
    const truth = await harness.ownerRows<{
      id: string;
      passed: boolean;
      score: number | null;
      deadline: string | null;
      re: boolean;
      code: string;
    }>(
      `select e.id, e.passed, e.score, to_char(e.rectification_deadline, 'YYYY-MM-DD') as deadline,
              e.re_evaluation_of is not null as re, a.code
         from evaluation e join association a on a.id = e.association_id where e.evaluated_on <= $1`,
      [DEMO_TODAY],
    );
    expect(rows.length).toBe(truth.length);
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const t of truth) {
      expect(byId.get(t.id)).toMatchObject({
        passed: t.passed,
        score: t.score,
        rectificationDeadline: t.deadline,
        reEvaluation: t.re,
        association: { code: t.code },
      });
    }
    const dates = rows.map((r) => r.evaluatedOn);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(rows.some((r) => !r.passed && r.rectificationDeadline !== null)).toBe(true);
    expect(rows.some((r) => r.reEvaluation)).toBe(true);
  });

  it('gives a township only the evaluations of its associations', async () => {
    const narrowed = await harness.run<EvaluationRow>(EVALUATION_RESULTS, { regionCode: TOWNSHIP });
    expect(narrowed.length).toBeGreaterThan(0);
    expect(narrowed).toEqual(rows.filter((r) => r.region.code.startsWith(TOWNSHIP.slice(0, 9))));
  });
});

import { maskName, primarySuppression } from '@sunshine/deidentify';
import type { Dataset } from '@sunshine/disclosure/dataset';
import type { DisclosureDefinition } from '@sunshine/disclosure/disclosures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  disclosureDefinition,
  type PublicQueryHarness,
  startPublicQueryHarness,
} from '../../test/public-query-harness.ts';
import { analyzeDisclosureDocument } from '../modules/disclosures/analyze-disclosure-document.ts';
import { publicObjectionToken } from '../modules/notices/objection-token.ts';

// The demo county, its township whose 2026 only-child reward notice is still open on the demo's
// today (15 November 2026: it runs 10–16 November and one objection to it is still open), and the
// day the county's special assistance and reward assistance notices of 2026 all ran.
const COUNTY = '330199000000';
const LATE_TOWNSHIP = '330199202000';
const OPEN_NOTICE_ENDS = '2026-11-16';
const APRIL_NOTICES_RUN = '2026-04-05';
const MASK = /^(\*|\p{Script=Han}\*|\p{Script=Han}\*+\p{Script=Han})$/u;

const AWARD_RECIPIENTS_DISCLOSURE = disclosureDefinition('award-recipients');
const NOTICE_RECIPIENTS_DISCLOSURE = disclosureDefinition('notice-recipients');
const PUBLIC_NOTICES_DISCLOSURE = disclosureDefinition('public-notices');
const PROGRAMS_DISCLOSURE = disclosureDefinition('programs');
const REGIONS_DISCLOSURE = disclosureDefinition('regions');

let harness: PublicQueryHarness;
beforeAll(async () => {
  harness = await startPublicQueryHarness();
});
afterAll(async () => {
  await harness?.close();
});

const MINE = [
  AWARD_RECIPIENTS_DISCLOSURE,
  NOTICE_RECIPIENTS_DISCLOSURE,
  PUBLIC_NOTICES_DISCLOSURE,
  PROGRAMS_DISCLOSURE,
  REGIONS_DISCLOSURE,
];

describe('the disclosure definitions', () => {
  it('allow exactly the leaves their query selects, each described for residents', () => {
    for (const definition of MINE) {
      const analysis = analyzeDisclosureDocument(harness.schema, definition.document);
      expect(analysis.leafPaths, definition.slug).toEqual([...definition.outputFields]);
      for (const path of analysis.leafPaths) {
        expect(analysis.descriptions[path], `${definition.slug}: ${path}`).toMatch(/\p{Script=Han}/u);
      }
    }
  });

  it('declare what the columns hold: masked names, person counts, amounts, suppression notes', () => {
    const kinds = (definition: DisclosureDefinition) =>
      analyzeDisclosureDocument(harness.schema, definition.document).kinds;
    expect(kinds(NOTICE_RECIPIENTS_DISCLOSURE)).toMatchObject({
      maskedName: 'MASKED_NAME',
      amountFen: 'AMOUNT_FEN',
    });
    expect(kinds(PUBLIC_NOTICES_DISCLOSURE)).toMatchObject({
      recipientCount: 'PERSON_COUNT',
      amountFen: 'AMOUNT_FEN',
      suppressionReason: 'SUPPRESSION_NOTE',
      namesNote: 'TEXT',
    });
    expect(kinds(AWARD_RECIPIENTS_DISCLOSURE)).toMatchObject({
      recipientName: 'MASKED_NAME',
      prizeFen: 'AMOUNT_FEN',
    });
    expect(kinds(PROGRAMS_DISCLOSURE)).toMatchObject({ 'standards.amountFen': 'AMOUNT_FEN' });
  });
});

interface AwardRow {
  id: string;
  category: string;
  categoryLabel: string;
  recipientName: string;
  nameMasked: boolean;
  citation: string;
  prizeFen: string | null;
  region: { code: string; name: string; level: string };
  round: { id: string; documentNumber: string; region: { code: string } };
}

describe('award-recipients', () => {
  let rows: AwardRow[];
  let truth: Map<string, { person: string | null; association: string | null; consent: boolean }>;
  beforeAll(async () => {
    rows = await harness.run<AwardRow>(AWARD_RECIPIENTS_DISCLOSURE);
    const stored = await harness.ownerRows<{
      id: string;
      person: string | null;
      association: string | null;
      consent: boolean;
    }>(
      `select ar.id, x.name as person, a.name as association, ar.name_publication_consent as consent
         from award_recipient ar left join person x on x.id = ar.person_id
         left join association a on a.id = ar.association_id`,
    );
    truth = new Map(stored.map((row) => [row.id, row]));
  });

  it('lists every recipient of the county, with the category in words and the round', () => {
    expect(rows.length).toBe(truth.size);
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      expect(row.categoryLabel).toMatch(/\p{Script=Han}/u);
      expect(row.round.documentNumber).toMatch(/〔\d{4}〕\d+号$/);
      expect(['COUNTY', 'TOWNSHIP', 'VILLAGE']).toContain(row.region.level);
    }
  });

  it('masks a person who did not consent (张*娓, 张*) and never shows their full name anywhere', async () => {
    const masked = rows.filter((row) => truth.get(row.id)?.person && !truth.get(row.id)?.consent);
    expect(masked.length).toBeGreaterThan(3);
    for (const row of masked) {
      const full = truth.get(row.id)?.person as string;
      expect(row.nameMasked).toBe(true);
      expect(row.recipientName).toMatch(MASK);
      expect(row.recipientName).toBe(maskName(full));
      expect(row.recipientName).not.toBe(full);
    }
    const text = JSON.stringify(rows);
    for (const row of masked) expect(text.includes(truth.get(row.id)?.person as string)).toBe(false);
  });

  it('names a person in full only with their recorded consent, and an association by its name', () => {
    const consenting = rows.filter((row) => truth.get(row.id)?.consent);
    const units = rows.filter((row) => truth.get(row.id)?.association);
    expect(consenting.length).toBeGreaterThan(3);
    expect(units.length).toBeGreaterThan(3);
    for (const row of consenting) {
      expect(row).toMatchObject({ recipientName: truth.get(row.id)?.person, nameMasked: false });
    }
    for (const row of units) {
      expect(row).toMatchObject({
        recipientName: truth.get(row.id)?.association,
        nameMasked: false,
        category: 'ADVANCED_UNIT',
      });
    }
  });

  it('keeps a citation from naming a recipient who did not consent', async () => {
    const [target] = await harness.ownerRows<{ id: string; name: string }>(
      `select ar.id, x.name from award_recipient ar join person x on x.id = ar.person_id
        where not ar.name_publication_consent order by ar.id limit 1`,
    );
    const { id, name } = target as { id: string; name: string };
    const [row] = (
      await harness.run<AwardRow>(AWARD_RECIPIENTS_DISCLOSURE, {
        before: async (em) => {
          await em.execute(
            `update award_recipient set citation = ?, updated_by = ?, version = version + 1 where id = ?`,
            [`${name}同志热心协会工作，${name}多次获评优秀`, harness.approver.id, id],
          );
        },
      })
    ).filter((r) => r.id === id);
    expect(row?.citation).toBe(`${maskName(name)}同志热心协会工作，${maskName(name)}多次获评优秀`);
  });

  it('keeps to the region asked for: a township gets its own recipients only', async () => {
    const township = rows.find((row) => row.region.level === 'VILLAGE')?.region.code.slice(0, 9) as string;
    const code = `${township}000`;
    const mine = await harness.run<AwardRow>(AWARD_RECIPIENTS_DISCLOSURE, { regionCode: code });
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.map((row) => row.id).sort()).toEqual(
      rows
        .filter((row) => row.region.code.startsWith(township))
        .map((row) => row.id)
        .sort(),
    );
  });
});

interface RecipientRow {
  token: string;
  maskedName: string;
  villagerGroup: string | null;
  village: { code: string; name: string; level: string };
  township: { code: string; name: string; level: string };
  program: { code: string; name: string };
  year: number;
  amountFen: string | null;
  notice: { id: string; startsOn: string; endsOn: string; objectionOffice: string; objectionPhone: string };
}

interface StoredEnrollment {
  token: string;
  name: string;
  kind: string;
  status: string;
  sensitive: boolean;
  notice_id: string;
  group_name: string | null;
  village_code: string;
}

describe('notice-recipients', () => {
  let stored: Map<string, StoredEnrollment>;
  let openNotice: string;
  beforeAll(async () => {
    const rows = await harness.ownerRows<StoredEnrollment>(
      `select e.objection_token as stored_token, x.name, e.kind, e.status, e.sensitive, e.notice_id,
              g.name as group_name, v.code as village_code
         from enrollment e join person x on x.id = e.person_id
         join region v on v.path = subpath(e.region_path, 0, 3)
         left join household h on h.id = x.household_id
         left join region g on g.id = h.region_id and g.level = 'GROUP'`,
    );
    // The portal shows tokens with letters for digits (objection-token.ts): index them that way.
    stored = new Map(
      rows.map((row) => {
        const { stored_token, ...rest } = row as StoredEnrollment & { stored_token: string };
        const token = publicObjectionToken(stored_token);
        return [token, { ...rest, token }];
      }),
    );
    const [notice] = await harness.ownerRows<{ id: string }>(`select id from notice where status = 'OPEN'`);
    openNotice = (notice as { id: string }).id;
  });

  it('lists the open notice’s new and continuing recipients, masked, with group, village and amount', async () => {
    const rows = await harness.run<RecipientRow>(NOTICE_RECIPIENTS_DISCLOSURE);
    const expected = [...stored.values()].filter(
      (e) => e.notice_id === openNotice && e.kind !== 'EXITED' && e.status !== 'REJECTED',
    );
    expect(expected.length).toBeGreaterThan(20);
    expect(rows.map((row) => row.token).sort()).toEqual(expected.map((e) => e.token).sort());
    for (const row of rows) {
      const truth = stored.get(row.token) as StoredEnrollment;
      expect(row.maskedName).toMatch(MASK);
      expect(row.maskedName).toBe(maskName(truth.name));
      expect(row.maskedName).not.toBe(truth.name);
      expect(row.villagerGroup).toBe(truth.group_name);
      expect(row.village).toMatchObject({ code: truth.village_code, level: 'VILLAGE' });
      expect(row.township).toMatchObject({ code: LATE_TOWNSHIP, level: 'TOWNSHIP' });
      // The only-child parents' reward: 240 yuan a year since 2021.
      expect(row).toMatchObject({ program: { code: 'ONLY-CHILD-REWARD' }, year: 2026, amountFen: '24000' });
      expect(row.notice).toMatchObject({ id: openNotice, endsOn: OPEN_NOTICE_ENDS });
      expect(row.notice.objectionPhone).toMatch(/^0\d{2,3}-\d{7,8}$/);
    }
  });

  it('never lists a sensitive program, even while its notice runs', async () => {
    const running = await harness.ownerRows<{ sensitive: boolean; n: number }>(
      `select p.sensitive, count(*)::int as n from notice n join program p on p.id = n.program_id
        join enrollment e on e.notice_id = n.id
        where $1::date between n.starts_on and n.ends_on group by 1 order by 1`,
      [APRIL_NOTICES_RUN],
    );
    expect(running.map((row) => row.sensitive)).toEqual([false, true]);
    const rows = await harness.run<RecipientRow>(NOTICE_RECIPIENTS_DISCLOSURE, { asOf: APRIL_NOTICES_RUN });
    expect(rows.length).toBeGreaterThan(1000);
    const programs = new Set(rows.map((row) => row.program.code));
    expect(programs.has('SPECIAL-ASSISTANCE')).toBe(false);
    expect(programs.has('CARE-PAYMENT')).toBe(false);
    for (const row of rows) expect(stored.get(row.token)?.sensitive).toBe(false);
    // Reward assistance: 960 yuan national, 480 provincial top-up.
    expect(new Set(rows.map((row) => `${row.program.code}:${row.amountFen}`))).toEqual(
      new Set(['REWARD-NATIONAL:96000', 'REWARD-PROVINCIAL:48000']),
    );
  });

  it('keeps the names after the last day while an objection is still open, and drops them once it is resolved', async () => {
    const afterEnd = '2026-11-20';
    const kept = await harness.run<RecipientRow>(NOTICE_RECIPIENTS_DISCLOSURE, { asOf: afterEnd });
    expect(kept.length).toBeGreaterThan(20);
    expect(new Set(kept.map((row) => row.notice.id))).toEqual(new Set([openNotice]));
    const dropped = await harness.run<RecipientRow>(NOTICE_RECIPIENTS_DISCLOSURE, {
      asOf: afterEnd,
      before: async (em) => {
        await em.execute(
          `update objection set status = 'DISMISSED', resolution = '经核实，符合条件', resolved_by = ?,
                  version = version + 1
            where notice_id = ? and status = 'OPEN'`,
          [harness.approver.id, openNotice],
        );
      },
    });
    expect(dropped).toEqual([]);
  });

  it('shows no names before a notice starts nor after its confirmed roll', async () => {
    expect(await harness.run<RecipientRow>(NOTICE_RECIPIENTS_DISCLOSURE, { asOf: '2026-11-09' })).toEqual([]);
    // The April notices are confirmed and their objections resolved: nothing in May.
    expect(await harness.run<RecipientRow>(NOTICE_RECIPIENTS_DISCLOSURE, { asOf: '2026-04-25' })).toEqual([]);
  });

  it('keeps to the region asked for: a village gets its own recipients, another township none', async () => {
    const all = await harness.run<RecipientRow>(NOTICE_RECIPIENTS_DISCLOSURE);
    const village = all[0]?.village.code as string;
    const mine = await harness.run<RecipientRow>(NOTICE_RECIPIENTS_DISCLOSURE, { regionCode: village });
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.map((row) => row.token).sort()).toEqual(
      all
        .filter((row) => row.village.code === village)
        .map((row) => row.token)
        .sort(),
    );
    const [other] = await harness.ownerRows<{ code: string }>(
      `select code from region where level = 'TOWNSHIP' and code <> $1 order by code limit 1`,
      [LATE_TOWNSHIP],
    );
    expect(
      await harness.run<RecipientRow>(NOTICE_RECIPIENTS_DISCLOSURE, { regionCode: other?.code }),
    ).toEqual([]);
  });
});

interface NoticeRow {
  id: string;
  program: { code: string; name: string; sensitive: boolean };
  year: number;
  township: { code: string; name: string; level: string };
  startsOn: string;
  endsOn: string;
  status: string;
  statusLabel: string;
  namesPublished: boolean;
  namesNote: string;
  recipientCount: number | null;
  amountFen: string | null;
  suppressed: boolean;
  suppressionReason: string | null;
  objectionOffice: string;
  objectionPhone: string;
}

describe('public-notices', () => {
  let rows: NoticeRow[];
  let counts: Map<string, number>;
  beforeAll(async () => {
    rows = await harness.run<NoticeRow>(PUBLIC_NOTICES_DISCLOSURE);
    const stored = await harness.ownerRows<{ id: string; n: number }>(
      `select n.id, count(e.id) filter (where e.kind <> 'EXITED' and e.status <> 'REJECTED')::int as n
         from notice n left join enrollment e on e.notice_id = n.id group by n.id`,
    );
    counts = new Map(stored.map((row) => [row.id, row.n]));
  });

  it('has one row per notice of the county', () => {
    expect(rows.length).toBe(counts.size);
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
  });

  it('publishes the names of the open notice and says until when', () => {
    const open = rows.find((row) => row.status === 'OPEN') as NoticeRow;
    expect(open).toMatchObject({
      township: { code: LATE_TOWNSHIP, level: 'TOWNSHIP' },
      endsOn: OPEN_NOTICE_ENDS,
      statusLabel: '公示中',
      namesPublished: true,
      namesNote: `公示中，至 ${OPEN_NOTICE_ENDS} 止`,
      recipientCount: counts.get(open.id),
      amountFen: String((counts.get(open.id) as number) * 24000),
      suppressed: false,
      suppressionReason: null,
    });
  });

  it('says why a closed notice no longer shows names, and that sensitive programs never do', () => {
    const closed = rows.filter((row) => !row.program.sensitive && row.status === 'CONFIRMED');
    expect(closed.length).toBeGreaterThan(100);
    for (const row of closed) {
      expect(row).toMatchObject({
        namesPublished: false,
        namesNote: '公示期及异议处理已结束，按规定不再公布名单，仅公布汇总',
      });
    }
    const sensitive = rows.filter((row) => row.program.sensitive);
    expect(sensitive.length).toBeGreaterThan(20);
    for (const row of sensitive) {
      expect(row).toMatchObject({
        namesPublished: false,
        namesNote: '特别扶助等涉及家庭隐私的项目不公布名单，仅公布乡镇汇总',
        township: { level: 'TOWNSHIP' },
      });
    }
  });

  it('suppresses counts of 1 to k−1 (k = 5; sensitive programs 10) with their amounts, and says why', () => {
    for (const row of rows) {
      const k = row.program.sensitive ? 10 : 5;
      const n = counts.get(row.id) as number;
      if (row.suppressed) {
        expect(row.recipientCount).toBeNull();
        expect(row.amountFen).toBeNull();
        expect(row.suppressionReason).toMatch(/\p{Script=Han}/u);
      } else {
        expect(row.recipientCount).toBe(n);
        expect(row.suppressionReason).toBeNull();
      }
      if (n >= 1 && n < k) {
        expect(row.suppressed).toBe(true);
        expect(row.suppressionReason).toBe(primarySuppression(k).reason);
      }
    }
    // Special assistance notices of 5 to 9 people are published for no other program size.
    const midSensitive = rows.filter(
      (row) =>
        row.program.sensitive && (counts.get(row.id) as number) >= 5 && (counts.get(row.id) as number) < 10,
    );
    expect(midSensitive.length).toBeGreaterThan(0);
    for (const row of midSensitive) expect(row.suppressed).toBe(true);
  });

  it('never leaves one suppressed notice recoverable from the county total of its program and year', () => {
    const groups = new Map<string, NoticeRow[]>();
    for (const row of rows) {
      const key = `${row.program.code}/${row.year}`;
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    for (const [key, group] of groups) {
      const hidden = group.filter((row) => row.suppressed && (counts.get(row.id) as number) > 0);
      if (group.length > 1) expect(hidden.length, key).not.toBe(1);
    }
  });

  it('keeps a notice hidden in the previous release hidden, whatever its count now', async () => {
    const shown = rows.find((row) => !row.suppressed && (row.recipientCount as number) > 100) as NoticeRow;
    const previous = {
      provenance: {} as Dataset['provenance'],
      columns: [],
      rows: [{ ...shown, recipientCount: null, amountFen: null, suppressed: true }],
    } satisfies Dataset;
    const now = await harness.run<NoticeRow>(PUBLIC_NOTICES_DISCLOSURE, { previous });
    expect(now.find((row) => row.id === shown.id)).toMatchObject({
      recipientCount: null,
      amountFen: null,
      suppressed: true,
    });
    // …and another notice of its program and year with it, so the county total gives it not away.
    const sameGroup = now.filter(
      (row) => row.program.code === shown.program.code && row.year === shown.year && row.suppressed,
    );
    expect(sameGroup.length).toBeGreaterThanOrEqual(2);
  });

  it('follows the approved policy’s k', async () => {
    const strict = await harness.run<NoticeRow>(PUBLIC_NOTICES_DISCLOSURE, {
      policy: { k: 8, sensitiveK: 12 },
    });
    for (const row of strict) {
      const n = counts.get(row.id) as number;
      if (n >= 1 && n < (row.program.sensitive ? 12 : 8)) expect(row.suppressed).toBe(true);
    }
    expect(strict.filter((row) => row.suppressed).length).toBeGreaterThan(
      rows.filter((row) => row.suppressed).length,
    );
  });

  it('keeps to the region asked for, and suppresses a township’s notices as the county’s page does', async () => {
    const mine = await harness.run<NoticeRow>(PUBLIC_NOTICES_DISCLOSURE, { regionCode: LATE_TOWNSHIP });
    expect(mine.length).toBeGreaterThan(10);
    expect(mine).toEqual(rows.filter((row) => row.township.code === LATE_TOWNSHIP));
  });

  it('stops publishing the names once the objection is resolved after the last day', async () => {
    const later = await harness.run<NoticeRow>(PUBLIC_NOTICES_DISCLOSURE, {
      asOf: '2026-11-20',
      before: async (em) => {
        await em.execute(
          `update objection set status = 'DISMISSED', resolution = '经核实，符合条件', resolved_by = ?,
                  version = version + 1
            where status = 'OPEN'`,
          [harness.approver.id],
        );
      },
    });
    const notice = later.find(
      (row) =>
        row.township.code === LATE_TOWNSHIP && row.year === 2026 && row.program.code === 'ONLY-CHILD-REWARD',
    );
    expect(notice).toMatchObject({
      status: 'CLOSED',
      namesPublished: false,
      namesNote: '公示期及异议处理已结束，按规定不再公布名单，仅公布汇总',
    });
    const pending = await harness.run<NoticeRow>(PUBLIC_NOTICES_DISCLOSURE, { asOf: '2026-11-20' });
    expect(pending.find((row) => row.id === notice?.id)).toMatchObject({
      status: 'CLOSED',
      namesPublished: true,
    });
  });
});

interface ProgramRow {
  code: string;
  kind: string;
  kindLabel: string;
  fundingTier: string;
  fundingTierLabel: string;
  sensitive: boolean;
  amountUnit: string;
  amountUnitLabel: string;
  noticeDays: number;
  standards: {
    variant: string;
    variantLabel: string;
    effectiveFrom: string;
    effectiveUntil: string | null;
    amountFen: string;
  }[];
}

describe('programs', () => {
  it('lists the county’s programs with their labels and standards over the years', async () => {
    const rows = await harness.run<ProgramRow>(PROGRAMS_DISCLOSURE);
    expect(rows.map((row) => row.code)).toEqual([
      'CARE-PAYMENT',
      'EMERGENCY-AID',
      'ONLY-CHILD-REWARD',
      'REWARD-NATIONAL',
      'REWARD-PROVINCIAL',
      'SPECIAL-ASSISTANCE',
      'STUDY-GRANT',
    ]);
    const reward = rows.find((row) => row.code === 'REWARD-NATIONAL') as ProgramRow;
    expect(reward).toMatchObject({
      kindLabel: '农村部分计划生育家庭奖励扶助',
      fundingTier: 'NATIONAL',
      fundingTierLabel: '中央',
      amountUnitLabel: '每人每年',
      sensitive: false,
    });
    expect(reward.standards.at(-1)).toEqual({
      variant: 'DEFAULT',
      variantLabel: '统一标准',
      effectiveFrom: '2012-01-01',
      effectiveUntil: null,
      amountFen: '96000',
    });
    const special = rows.find((row) => row.code === 'SPECIAL-ASSISTANCE') as ProgramRow;
    expect(special).toMatchObject({ sensitive: true, amountUnitLabel: '每人每月' });
    expect(special.standards).toContainEqual({
      variant: 'DIED_RURAL',
      variantLabel: '独生子女死亡（农村）',
      effectiveFrom: '2014-01-01',
      effectiveUntil: null,
      amountFen: '17000',
    });
    expect(rows.find((row) => row.code === 'CARE-PAYMENT')?.sensitive).toBe(true);
  });

  it('gives a township or village page the county programs that apply there', async () => {
    const county = await harness.run<ProgramRow>(PROGRAMS_DISCLOSURE);
    const village = (
      await harness.ownerRows<{ code: string }>(
        `select min(code) as code from region where level = 'VILLAGE'`,
      )
    )[0];
    expect(await harness.run<ProgramRow>(PROGRAMS_DISCLOSURE, { regionCode: LATE_TOWNSHIP })).toEqual(county);
    expect(await harness.run<ProgramRow>(PROGRAMS_DISCLOSURE, { regionCode: village?.code })).toEqual(county);
    expect(await harness.run<ProgramRow>(PROGRAMS_DISCLOSURE, { regionCode: '110101000000' })).toEqual([]);
  });
});

describe('regions', () => {
  it('lists the county, its townships and villages, never a villager group', async () => {
    const rows = await harness.run<{ code: string; name: string; level: string; parentCode: string | null }>(
      REGIONS_DISCLOSURE,
    );
    const [stored] = await harness.ownerRows<{ n: number }>(
      `select count(*)::int as n from region where level <> 'GROUP'`,
    );
    expect(rows.length).toBe(stored?.n);
    expect(rows[0]).toMatchObject({ code: COUNTY, level: 'COUNTY', parentCode: null });
    expect(new Set(rows.map((row) => row.level))).toEqual(new Set(['COUNTY', 'TOWNSHIP', 'VILLAGE']));
    const byCode = new Map(rows.map((row) => [row.code, row]));
    for (const row of rows.slice(1)) {
      const parent = byCode.get(row.parentCode as string);
      expect(parent?.level).toBe(row.level === 'TOWNSHIP' ? 'COUNTY' : 'TOWNSHIP');
    }
  });

  it('keeps to the region asked for: a township and its villages', async () => {
    const rows = await harness.run<{ code: string; level: string }>(REGIONS_DISCLOSURE, {
      regionCode: LATE_TOWNSHIP,
    });
    expect(rows[0]).toMatchObject({ code: LATE_TOWNSHIP, level: 'TOWNSHIP' });
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) expect(row.code.startsWith(LATE_TOWNSHIP.slice(0, 9))).toBe(true);
  });
});

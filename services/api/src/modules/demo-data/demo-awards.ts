import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { copyRows } from './copy-rows.ts';
import type { DemoAssociation, DemoMember, DemoMemberRole } from './demo-associations.ts';
import { addDays, randomDayInYear } from './demo-calendar.ts';
import type { DemoPerson } from './demo-persons.ts';
import type { DemoRandom } from './demo-random.ts';
import type { DemoCountyTree, DemoRegion } from './demo-regions.ts';

export type DemoAwardCategory =
  | 'ADVANCED_UNIT'
  | 'ADVANCED_INDIVIDUAL'
  | 'EXCELLENT_MEMBER'
  | 'EXCELLENT_VOLUNTEER';

export interface DemoAwardRecipient {
  /** The association commended, by code; null for a person. */
  associationCode: string | null;
  /** The person commended, by resident ID; null for an association. */
  residentId: string | null;
  /** The association's region, or the person's registered region. */
  regionCode: string;
  category: DemoAwardCategory;
  citation: string;
  /** Integer fen, or null for an honour without prize money. */
  prizeFen: number | null;
  namePublicationConsent: boolean;
  consentRecordedOn: string | null;
}

export interface DemoAwardRound {
  regionCode: string;
  title: string;
  year: number;
  issuingBody: string;
  documentNumber: string;
  issuedOn: string;
  authorUsername: string;
  recipients: DemoAwardRecipient[];
}

/** What the awards are drawn from: one county's associations, members and persons. */
export interface DemoAwardSources {
  associations: readonly DemoAssociation[];
  members: readonly DemoMember[];
  persons: readonly DemoPerson[];
}

/** The county's yearly commendations, for these years (decided early in the following year). */
const COUNTY_ROUND_YEARS = [2024, 2025] as const;
/** One town commends its members and volunteers of this year. */
const TOWN_ROUND_YEAR = 2025;

const LEADER_ROLES: ReadonlySet<DemoMemberRole> = new Set([
  'PRESIDENT',
  'VICE_PRESIDENT',
  'FULL_TIME_VICE_PRESIDENT',
  'SECRETARY_GENERAL',
]);
const ROLE_TITLES: Record<DemoMemberRole, string> = {
  MEMBER: '会员',
  DIRECTOR: '理事',
  STANDING_DIRECTOR: '常务理事',
  PRESIDENT: '会长',
  VICE_PRESIDENT: '副会长',
  FULL_TIME_VICE_PRESIDENT: '专职副会长',
  SECRETARY_GENERAL: '秘书长',
  GROUP_LEADER: '会员小组长',
};

/**
 * Commendations of one county: the county association's "advanced units and individuals" of 2024 and
 * 2025 (about 20 recipients each: associations, their leaders and members), and one town's excellent
 * members and volunteers of 2025. Some persons consented to their full name being published; most
 * recipients receive a prize. Drawn from the county's own stream, so the rest of the registry does
 * not shift.
 */
export function buildDemoAwards(
  random: DemoRandom,
  tree: DemoCountyTree,
  sources: DemoAwardSources,
  usernamePrefix = '',
): DemoAwardRound[] {
  const rng = random.fork(`awards:${tree.spec.code6}`);
  const county = tree.spec.name;
  const personById = new Map(sources.persons.map((p) => [p.residentId, p]));
  const associationByCode = new Map(sources.associations.map((a) => [a.code, a]));
  const rounds: DemoAwardRound[] = [];

  /** Members the round may commend: in its region, in office by the year's end, alive and not moved away. */
  const eligibleMembers = (region: DemoRegion, year: number, issuedOn: string): DemoMember[] => {
    const prefix = regionPrefix(region);
    return sources.members.filter((m) => {
      const person = personById.get(m.residentId);
      if (person === undefined) return false;
      return (
        person.registeredRegionCode.startsWith(prefix) &&
        m.associationCode !== `${region.code}-FPA` &&
        m.joinedOn <= `${year}-12-31` &&
        (m.leftOn === null || m.leftOn > issuedOn) &&
        (person.deceasedOn === null || person.deceasedOn > issuedOn) &&
        (person.movedAwayOn === null || person.movedAwayOn > issuedOn)
      );
    });
  };

  const personRecipient = (
    member: DemoMember,
    category: DemoAwardCategory,
    issuedOn: string,
    prizes: readonly (number | null)[],
  ): DemoAwardRecipient => {
    const person = personById.get(member.residentId) as DemoPerson;
    const association = associationByCode.get(member.associationCode) as DemoAssociation;
    const consent = rng.chance(0.65);
    return {
      associationCode: null,
      residentId: member.residentId,
      regionCode: person.registeredRegionCode,
      category,
      citation: personCitation(rng, category, member, association),
      prizeFen: rng.pick(prizes),
      namePublicationConsent: consent,
      consentRecordedOn: consent ? addDays(issuedOn, -rng.int(3, 20)) : null,
    };
  };

  const unitRecipients = (
    region: DemoRegion,
    year: number,
    count: number,
    prizes: readonly number[],
  ): DemoAwardRecipient[] => {
    const prefix = regionPrefix(region);
    const candidates = sources.associations.filter(
      (a) =>
        a.regionCode.startsWith(prefix) &&
        a.regionCode !== region.code &&
        (a.standing === 'MODEL' || a.standing === 'ADVANCED') &&
        a.foundedOn < `${year}-01-01`,
    );
    return rng
      .shuffle(candidates)
      .slice(0, count)
      .map((a) => ({
        associationCode: a.code,
        residentId: null,
        regionCode: a.regionCode,
        category: 'ADVANCED_UNIT' as const,
        citation: unitCitation(rng, a),
        prizeFen: rng.pick(prizes),
        namePublicationConsent: false,
        consentRecordedOn: null,
      }));
  };

  /** Distinct persons (a person may be a member of two associations) picked from `pool`. */
  const pickPersons = (pool: readonly DemoMember[], count: number, taken: Set<string>): DemoMember[] => {
    const picked: DemoMember[] = [];
    for (const member of rng.shuffle(pool)) {
      if (picked.length === count) break;
      if (taken.has(member.residentId)) continue;
      taken.add(member.residentId);
      picked.push(member);
    }
    return picked;
  };

  const short = county.slice(0, 1);
  for (const year of COUNTY_ROUND_YEARS) {
    const issuedOn = randomDayInYear(rng, year + 1, 2, 3);
    const members = eligibleMembers(tree.county, year, issuedOn);
    const taken = new Set<string>();
    const leaders = pickPersons(
      members.filter((m) => LEADER_ROLES.has(m.role)),
      rng.int(7, 9),
      taken,
    );
    const ordinary = pickPersons(
      members.filter((m) => !LEADER_ROLES.has(m.role)),
      rng.int(4, 5),
      taken,
    );
    rounds.push({
      regionCode: tree.county.code,
      title: `关于表彰${year}年度计生协工作先进集体和先进个人的决定`,
      year,
      issuingBody: `${county}计划生育协会`,
      documentNumber: `${short}计协发〔${year + 1}〕${rng.int(1, 6)}号`,
      issuedOn,
      authorUsername: `${usernamePrefix}county.admin`,
      recipients: [
        ...unitRecipients(tree.county, year, rng.int(7, 8), [100_000, 200_000]),
        ...leaders.map((m) => personRecipient(m, 'ADVANCED_INDIVIDUAL', issuedOn, [50_000, 100_000])),
        ...ordinary.map((m) => personRecipient(m, 'EXCELLENT_MEMBER', issuedOn, [30_000, 50_000])),
      ],
    });
  }

  const towns = tree.townships.filter((t) => t.region.kind === 'TOWN');
  const town = rng.pick(towns.length > 0 ? towns : tree.townships).region;
  const issuedOn = randomDayInYear(rng, TOWN_ROUND_YEAR + 1, 4, 5);
  const members = eligibleMembers(town, TOWN_ROUND_YEAR, issuedOn);
  const taken = new Set<string>();
  rounds.push({
    regionCode: town.code,
    title: `关于表彰${TOWN_ROUND_YEAR}年度优秀会员和优秀志愿者的决定`,
    year: TOWN_ROUND_YEAR,
    // Town names repeat across counties; the full name of an issuing body includes its county.
    issuingBody: `${county}${town.name}计划生育协会`,
    documentNumber: `${town.name}计协发〔${TOWN_ROUND_YEAR + 1}〕${rng.int(1, 4)}号`,
    issuedOn,
    authorUsername: `${usernamePrefix}township.${town.code.slice(6, 9)}`,
    recipients: [
      ...unitRecipients(town, TOWN_ROUND_YEAR, 2, [50_000]),
      ...pickPersons(members, rng.int(4, 5), taken).map((m) =>
        personRecipient(m, 'EXCELLENT_MEMBER', issuedOn, [20_000, 30_000]),
      ),
      ...pickPersons(members, 3, taken).map((m) =>
        personRecipient(m, 'EXCELLENT_VOLUNTEER', issuedOn, [20_000, null]),
      ),
    ],
  });
  return rounds;
}

/** The code prefix of everything in a region's subtree (a county's 6 digits, a township's 9). */
function regionPrefix(region: DemoRegion): string {
  return region.level === 'COUNTY' ? region.code.slice(0, 6) : region.code.slice(0, 9);
}

function unitCitation(rng: DemoRandom, a: DemoAssociation): string {
  return rng.pick([
    () =>
      `会员之家建设规范，全年开展“5·29”会员活动日、走访慰问等活动${rng.int(12, 30)}次，会员联系户覆盖${rng.int(40, 200)}户，计生家庭帮扶工作扎实有效。`,
    () =>
      `组织健全、制度完善，会员小组活动经常，全年走访慰问计生特殊家庭${rng.int(10, 60)}户次，群众满意度高。`,
    () =>
      `积极开展青春健康和优生优育宣传，发放宣传资料${rng.int(500, 3000)}份，组织健康检查${rng.int(80, 600)}人次，服务群众成效明显。`,
    () =>
      `${a.kind === 'ENTERPRISE' ? '关心关爱职工家庭' : '扎实推进村务公开和阳光计生'}，奖励扶助对象资格确认和公示规范，全年无错报漏报。`,
  ])();
}

function personCitation(
  rng: DemoRandom,
  category: DemoAwardCategory,
  member: DemoMember,
  association: DemoAssociation,
): string {
  const title = ROLE_TITLES[member.role];
  switch (category) {
    case 'ADVANCED_INDIVIDUAL':
      return rng.pick([
        () =>
          `担任${association.name}${title}以来，认真履职，台账规范，组织会员开展活动${rng.int(8, 24)}次，结对帮扶计生困难家庭${rng.int(3, 12)}户。`,
        () =>
          `长期扎根基层计生协工作，作为${association.name}${title}，带领会员走访联系户${rng.int(20, 80)}户次，工作踏实，群众认可。`,
      ])();
    case 'EXCELLENT_MEMBER':
      return rng.pick([
        () =>
          `积极参加${association.name}组织的会员活动，主动联系帮扶${rng.int(2, 6)}户计生家庭，在群众中起到示范带头作用。`,
        () => `热心协会工作，宣传生育政策和健康知识，年内走访联系户${rng.int(10, 40)}户次。`,
      ])();
    case 'EXCELLENT_VOLUNTEER':
      return `热心公益，参加生育关怀和计生特殊家庭关爱志愿服务${rng.int(6, 30)}次，累计服务${rng.int(20, 160)}小时。`;
    case 'ADVANCED_UNIT':
      throw new Error('an advanced unit is an association, not a person');
  }
}

export interface DemoAwardIds {
  regionId(code: string): string;
  associationId(code: string): string;
  personId(residentId: string): string;
  userId(username: string): string;
}

/** Loads the rounds and their recipients (as the owner, with COPY); returns how many of each. */
export async function loadDemoAwards(
  client: pg.ClientBase,
  rounds: readonly DemoAwardRound[],
  ids: DemoAwardIds,
): Promise<{ rounds: number; recipients: number }> {
  const roundIds = rounds.map(() => randomUUID());
  const loadedRounds = await copyRows(
    client,
    'award_round',
    [
      'id',
      'region_id',
      'title',
      'year',
      'issuing_body',
      'document_number',
      'issued_on',
      'created_by',
      'updated_by',
      'created_at',
      'updated_at',
    ],
    rounds.map((round, i) => {
      const author = ids.userId(round.authorUsername);
      // Entered the week before the decision was issued.
      const enteredAt = `${addDays(round.issuedOn, -7)}T10:00:00+08:00`;
      return [
        roundIds[i] as string,
        ids.regionId(round.regionCode),
        round.title,
        round.year,
        round.issuingBody,
        round.documentNumber,
        round.issuedOn,
        author,
        author,
        enteredAt,
        enteredAt,
      ];
    }),
  );
  const loadedRecipients = await copyRows(
    client,
    'award_recipient',
    [
      'round_id',
      'region_id',
      'association_id',
      'person_id',
      'category',
      'citation',
      'prize_fen',
      'name_publication_consent',
      'consent_recorded_on',
      'created_by',
      'updated_by',
      'created_at',
      'updated_at',
    ],
    (function* () {
      for (const [i, round] of rounds.entries()) {
        const author = ids.userId(round.authorUsername);
        for (const [n, r] of round.recipients.entries()) {
          // In the order they were entered, a minute apart.
          const enteredAt = new Date(
            Date.parse(`${addDays(round.issuedOn, -7)}T10:00:00+08:00`) + (n + 1) * 60_000,
          );
          yield [
            roundIds[i] as string,
            ids.regionId(r.regionCode),
            r.associationCode === null ? null : ids.associationId(r.associationCode),
            r.residentId === null ? null : ids.personId(r.residentId),
            r.category,
            r.citation,
            r.prizeFen,
            r.namePublicationConsent,
            r.consentRecordedOn,
            author,
            author,
            enteredAt.toISOString(),
            enteredAt.toISOString(),
          ];
        }
      }
    })(),
  );
  return { rounds: loadedRounds, recipients: loadedRecipients };
}

import { pad, randomDate } from './demo-calendar.ts';
import type { DemoPeople } from './demo-households.ts';
import type { DemoRandom } from './demo-random.ts';
import { chineseNumber, type DemoCountyTree, type DemoRegion, type DemoTownship } from './demo-regions.ts';

export type DemoAssociationLevel = 'COUNTY' | 'TOWNSHIP' | 'VILLAGE';
export type DemoAssociationKind = 'REGIONAL' | 'VILLAGE' | 'COMMUNITY' | 'ENTERPRISE' | 'FLOATING_POPULATION';
export type DemoStanding = 'MODEL' | 'ADVANCED' | 'ORDINARY' | 'NOMINAL';
export type DemoFacility = 'VENUE' | 'RULES' | 'VOLUNTEER_TEAM' | 'EQUIPMENT' | 'PLAN_AND_RECORDS';

/** The "five haves" of a member home (会员之家), in the order the checklist names them. */
export const MEMBER_HOME_FACILITIES: readonly DemoFacility[] = [
  'VENUE',
  'RULES',
  'VOLUNTEER_TEAM',
  'EQUIPMENT',
  'PLAN_AND_RECORDS',
];

export interface DemoAssociation {
  /** `<12-digit region code>-<suffix>`: FPA for the association of a region, E1.. enterprises, F1.. floating. */
  code: string;
  name: string;
  regionCode: string;
  level: DemoAssociationLevel;
  kind: DemoAssociationKind;
  standing: DemoStanding;
  facilities: DemoFacility[];
  foundedOn: string;
  /** Names of its member groups (会员小组). */
  groups: string[];
}

// biome-ignore format: a list reads better packed
const COMPANY_STEMS = ['宏达', '永盛', '华丰', '新力', '恒通', '金鼎', '顺发', '德盛', '天成', '瑞丰', '鸿运', '兴隆'];
// biome-ignore format: a list reads better packed
const INDUSTRIES = ['竹木制品', '茶业', '五金工具', '纺织', '食品', '电子科技', '服装', '新型建材', '包装', '机械'];
const PROVINCES_OF_ORIGIN = ['江西籍', '安徽籍', '贵州籍', '四川籍', '河南籍', '云南籍'];

const STANDINGS: Record<'REGIONAL' | 'LOCAL' | 'ENTERPRISE', readonly (readonly [DemoStanding, number])[]> = {
  REGIONAL: [
    ['MODEL', 10],
    ['ADVANCED', 30],
    ['ORDINARY', 60],
  ],
  LOCAL: [
    ['MODEL', 4],
    ['ADVANCED', 16],
    ['ORDINARY', 68],
    ['NOMINAL', 12],
  ],
  ENTERPRISE: [
    ['ADVANCED', 15],
    ['ORDINARY', 60],
    ['NOMINAL', 25],
  ],
};

function facilitiesFor(rng: DemoRandom, standing: DemoStanding): DemoFacility[] {
  const count =
    standing === 'MODEL'
      ? 5
      : standing === 'ADVANCED'
        ? rng.int(4, 5)
        : standing === 'ORDINARY'
          ? rng.int(1, 4)
          : rng.int(0, 1);
  const chosen = new Set(rng.shuffle(MEMBER_HOME_FACILITIES).slice(0, count));
  return MEMBER_HOME_FACILITIES.filter((f) => chosen.has(f));
}

function association(
  rng: DemoRandom,
  region: DemoRegion,
  suffix: string,
  name: string,
  kind: DemoAssociationKind,
  standings: readonly (readonly [DemoStanding, number])[],
  founded: [string, string],
  groups: string[],
): DemoAssociation {
  const standing = rng.weighted(standings);
  return {
    code: `${region.code}-${suffix}`,
    name,
    regionCode: region.code,
    level: region.level as DemoAssociationLevel,
    kind,
    standing,
    facilities: facilitiesFor(rng, standing),
    foundedOn: randomDate(rng, founded[0], founded[1]),
    groups,
  };
}

/**
 * The county's associations: one for the county, each township and each village or community, plus a
 * handful of enterprise associations (in the towns' factories) and floating-population associations
 * (where migrant workers live).
 */
export function buildDemoAssociations(random: DemoRandom, tree: DemoCountyTree): DemoAssociation[] {
  const rng = random.fork(`associations:${tree.spec.code6}`);
  const list: DemoAssociation[] = [];
  list.push(
    association(
      rng,
      tree.county,
      'FPA',
      `${tree.spec.name}计划生育协会`,
      'REGIONAL',
      [
        ['MODEL', 1],
        ['ADVANCED', 2],
      ],
      ['1989-01-01', '1991-12-31'],
      rng
        .shuffle(['机关会员小组', '卫生健康系统会员小组', '教育系统会员小组', '老干部会员小组'])
        .slice(0, rng.int(2, 4)),
    ),
  );
  for (const township of tree.townships) {
    list.push(
      association(
        rng,
        township.region,
        'FPA',
        `${township.region.name}计划生育协会`,
        'REGIONAL',
        STANDINGS.REGIONAL,
        ['1990-01-01', '1998-12-31'],
        rng.shuffle(['机关会员小组', '村（居）干部会员小组', '卫生院会员小组']).slice(0, rng.int(2, 3)),
      ),
    );
    for (const village of township.villages) {
      const community = village.region.kind === 'COMMUNITY';
      list.push(
        association(
          rng,
          village.region,
          'FPA',
          `${village.region.name}计划生育协会`,
          community ? 'COMMUNITY' : 'VILLAGE',
          STANDINGS.LOCAL,
          community ? ['1998-01-01', '2012-12-31'] : ['1992-01-01', '2008-12-31'],
          Array.from({ length: village.groupCount }, (_, g) => `第${chineseNumber(g + 1)}会员小组`),
        ),
      );
    }
  }
  // Enterprises cluster in the towns; a few sit in a village's industrial park.
  const towns = tree.townships.filter((t) => t.region.kind !== 'TOWNSHIP');
  const enterprises = rng.int(4, 7);
  const companyNames = rng.shuffle(COMPANY_STEMS);
  const perRegion = new Map<string, number>();
  for (let e = 0; e < enterprises; e++) {
    const township = rng.pick(towns);
    const region = rng.chance(0.3) ? rng.pick(township.villages).region : township.region;
    const n = (perRegion.get(region.code) ?? 0) + 1;
    perRegion.set(region.code, n);
    const company = `${tree.spec.name.slice(0, 2)}${companyNames[e % companyNames.length]}${rng.pick(INDUSTRIES)}有限公司`;
    list.push(
      association(
        rng,
        region,
        `E${n}`,
        `${company}计划生育协会`,
        'ENTERPRISE',
        STANDINGS.ENTERPRISE,
        ['2003-01-01', '2018-12-31'],
        rng
          .shuffle(['一车间会员小组', '二车间会员小组', '三车间会员小组', '管理部门会员小组'])
          .slice(0, rng.int(2, 3)),
      ),
    );
  }
  // Migrant workers live in the county town and the biggest towns.
  const hosts = [...tree.townships]
    .filter((t) => t.villages.some((v) => v.region.kind === 'COMMUNITY'))
    .sort((a, b) => communityCount(b) - communityCount(a) || a.region.code.localeCompare(b.region.code))
    .slice(0, rng.int(2, 3));
  for (const township of hosts) {
    list.push(
      association(
        rng,
        township.region,
        'F1',
        `${township.region.name}流动人口计划生育协会`,
        'FLOATING_POPULATION',
        STANDINGS.ENTERPRISE,
        ['2008-01-01', '2016-12-31'],
        rng.shuffle(PROVINCES_OF_ORIGIN.map((p) => `${p}会员小组`)).slice(0, rng.int(2, 4)),
      ),
    );
  }
  return list;
}

function communityCount(township: DemoTownship): number {
  return township.villages.filter((v) => v.region.kind === 'COMMUNITY').length;
}

// ---- members ------------------------------------------------------------------------------------

export type DemoMemberRole =
  | 'MEMBER'
  | 'DIRECTOR'
  | 'STANDING_DIRECTOR'
  | 'PRESIDENT'
  | 'VICE_PRESIDENT'
  | 'FULL_TIME_VICE_PRESIDENT'
  | 'SECRETARY_GENERAL'
  | 'GROUP_LEADER';

export interface DemoContactHousehold {
  householdCode: string;
  since: string;
}

export interface DemoMember {
  associationCode: string;
  residentId: string;
  role: DemoMemberRole;
  /** `<association code>-NNNN`; null while the card is not yet issued (a few). */
  cardNumber: string | null;
  duesPaidYear: number | null;
  groupName: string | null;
  joinedOn: string;
  leftOn: string | null;
  /** The households this member keeps contact with and helps (会员联系户). */
  contacts: DemoContactHousehold[];
}

/** A member of an association, before roles, cards and contacts are settled. */
interface Candidate {
  residentId: string;
  sex: 'MALE' | 'FEMALE';
  birthYear: number;
  householdCode: string;
  villageCode: string;
  /** The villager group the household is filed under; 0 in communities. */
  groupNumber: number;
  groupName: string | null;
  role: DemoMemberRole;
}

interface Pools {
  /** Living residents still at home, aged 18 to 75, by village. */
  adultsByVillage: Map<string, Candidate[]>;
  /** Residents who live in a township other than where they are registered, by that township. */
  floatingByTownship: Map<string, Candidate[]>;
  householdsByVillage: Map<string, { all: string[]; priority: string[] }>;
}

const REFERENCE_YEAR = 2026;
const JOINED_BY = '2026-10-31';

/** The villager group number of a group's code (`<village>-NN`); 0 for a village or community. */
function groupOf(regionCode: string): number {
  return regionCode.length > 12 ? Number(regionCode.slice(13)) : 0;
}

function buildPools(people: DemoPeople): Pools {
  const householdRegions = new Map(people.households.map((h) => [h.code, h.regionCode]));
  const adultsByVillage = new Map<string, Candidate[]>();
  const floatingByTownship = new Map<string, Candidate[]>();
  for (const person of people.persons) {
    if (person.deceasedOn !== null || person.movedAwayOn !== null) continue;
    const birthYear = Number(person.birthDate.slice(0, 4));
    const age = REFERENCE_YEAR - birthYear;
    if (age < 18 || age > 75) continue;
    const villageCode = person.householdCode.slice(0, 12);
    const candidate: Candidate = {
      residentId: person.residentId,
      sex: person.sex,
      birthYear,
      householdCode: person.householdCode,
      villageCode,
      groupNumber: groupOf(householdRegions.get(person.householdCode) ?? ''),
      groupName: null,
      role: 'MEMBER',
    };
    push(adultsByVillage, villageCode, candidate);
    const livesIn = `${person.currentRegionCode.slice(0, 9)}000`;
    if (livesIn !== `${villageCode.slice(0, 9)}000` && age <= 55)
      push(floatingByTownship, livesIn, candidate);
  }
  const householdsByVillage = new Map<string, { all: string[]; priority: string[] }>();
  for (const household of people.households) {
    let entry = householdsByVillage.get(household.villageCode);
    if (!entry) {
      entry = { all: [], priority: [] };
      householdsByVillage.set(household.villageCode, entry);
    }
    entry.all.push(household.code);
    // Members are asked to keep contact with the families that need it most.
    if (household.planningStatus !== 'NONE' || household.inDifficulty || household.sensitive !== null) {
      entry.priority.push(household.code);
    }
  }
  return { adultsByVillage, floatingByTownship, householdsByVillage };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// Members are mostly women: the association grew out of the women of child-bearing age it served.
function choose(rng: DemoRandom, pool: readonly Candidate[], count: number, womenShare: number): Candidate[] {
  const shuffled = rng.shuffle(pool);
  const women = shuffled.filter((c) => c.sex === 'FEMALE');
  const men = shuffled.filter((c) => c.sex === 'MALE');
  const n = Math.min(count, pool.length);
  const w = Math.min(women.length, Math.max(n - men.length, Math.round(n * womenShare)));
  return rng.shuffle([...women.slice(0, w), ...men.slice(0, n - w)]).map((c) => ({ ...c }));
}

type Officers = readonly (readonly [DemoMemberRole, number, (c: Candidate) => boolean])[];

const anyone = () => true;
const aged = (from: number, to: number) => (c: Candidate) =>
  REFERENCE_YEAR - c.birthYear >= from && REFERENCE_YEAR - c.birthYear <= to;
const woman = (from: number, to: number) => (c: Candidate) => c.sex === 'FEMALE' && aged(from, to)(c);

/** Gives the officers' roles, preferring plausible ages, then a group leader per group. */
function assignRoles(members: Candidate[], officers: Officers, groups: readonly string[]): void {
  for (const [role, count, prefer] of officers) {
    for (let i = 0; i < count; i++) {
      const pick =
        members.find((m) => m.role === 'MEMBER' && prefer(m)) ?? members.find((m) => m.role === 'MEMBER');
      if (pick) pick.role = role;
    }
  }
  for (const group of groups) {
    const inGroup = members.filter((m) => m.role === 'MEMBER' && m.groupName === group);
    const leader = inGroup.find(woman(25, 65)) ?? inGroup[0];
    if (leader) leader.role = 'GROUP_LEADER';
  }
}

const DUES: Record<DemoStanding, readonly (readonly [number | null, number])[]> = {
  MODEL: [
    [2026, 92],
    [2025, 6],
    [null, 2],
  ],
  ADVANCED: [
    [2026, 85],
    [2025, 10],
    [2024, 2],
    [null, 3],
  ],
  ORDINARY: [
    [2026, 66],
    [2025, 18],
    [2024, 6],
    [null, 10],
  ],
  NOMINAL: [
    [2026, 25],
    [2025, 25],
    [2024, 20],
    [null, 30],
  ],
};

// A village association enrolls nearly half its adults; model associations more, nominal ones fewer.
const VILLAGE_SHARE: Record<DemoStanding, number> = {
  MODEL: 0.55,
  ADVANCED: 0.51,
  ORDINARY: 0.465,
  NOMINAL: 0.35,
};

export interface DemoMembership {
  members: DemoMember[];
  /** Planted: members who keep contact with no household, as `<association code>/<resident ID>`. */
  withoutContact: string[];
}

/**
 * Members of every association, their roles, cards, dues and contact households. Village associations
 * enroll their own adults; township and county associations their cadres; enterprises their workers;
 * floating-population associations the people who live in the township but are registered elsewhere.
 */
export function buildDemoMembers(
  random: DemoRandom,
  tree: DemoCountyTree,
  people: DemoPeople,
  associations: readonly DemoAssociation[],
  withoutContact: number,
): DemoMembership {
  const rng = random.fork(`members:${tree.spec.code6}`);
  const pools = buildPools(people);
  const villagesOf = (regionCode: string): string[] => {
    if (regionCode.endsWith('000000')) return [...pools.adultsByVillage.keys()];
    if (regionCode.endsWith('000')) {
      return [...pools.adultsByVillage.keys()].filter((v) => v.startsWith(regionCode.slice(0, 9)));
    }
    return [regionCode];
  };
  const poolOf = (villages: readonly string[], fit: (c: Candidate) => boolean): Candidate[] =>
    villages.flatMap((v) => (pools.adultsByVillage.get(v) ?? []).filter(fit));
  const countyTown = tree.townships
    .filter((t) => t.region.kind === 'SUBDISTRICT')
    .flatMap((t) => t.villages.map((v) => v.region.code));

  const members: DemoMember[] = [];
  for (const a of associations) {
    let chosen: Candidate[];
    let officers: Officers;
    if (a.kind === 'VILLAGE' || a.kind === 'COMMUNITY') {
      const pool = pools.adultsByVillage.get(a.regionCode) ?? [];
      chosen = choose(
        rng,
        pool,
        Math.round(pool.length * VILLAGE_SHARE[a.standing] * (0.9 + 0.2 * rng.next())),
        0.62,
      );
      for (const m of chosen) {
        // Villagers meet in the group of their own villager group; communities are split as it suits.
        m.groupName = a.groups[(m.groupNumber > 0 ? m.groupNumber : rng.int(1, a.groups.length)) - 1] ?? null;
      }
      officers = [
        ['PRESIDENT', 1, (c) => c.sex === 'MALE' && aged(40, 65)(c)],
        ['VICE_PRESIDENT', rng.chance(0.6) ? 1 : 0, aged(35, 65)],
        ['SECRETARY_GENERAL', 1, woman(28, 55)],
        ['DIRECTOR', rng.int(3, 6), aged(30, 65)],
      ];
    } else if (a.kind === 'REGIONAL') {
      // The county's cadres mostly live in the county town; a township's in its villages.
      const county = a.level === 'COUNTY';
      const pool = county
        ? poolOf(countyTown, aged(28, 62)).concat(
            rng.shuffle(poolOf(villagesOf(a.regionCode), aged(28, 62))).slice(0, 300),
          )
        : poolOf(villagesOf(a.regionCode), aged(28, 62));
      chosen = choose(rng, pool, county ? rng.int(45, 60) : rng.int(28, 45), 0.5);
      for (const m of chosen) m.groupName = rng.pick(a.groups);
      officers = [
        ['PRESIDENT', 1, aged(45, 60)],
        ['FULL_TIME_VICE_PRESIDENT', 1, aged(45, 62)],
        ['VICE_PRESIDENT', county ? 3 : 2, aged(40, 60)],
        ['SECRETARY_GENERAL', 1, woman(30, 55)],
        ['STANDING_DIRECTOR', county ? rng.int(6, 9) : rng.int(3, 5), anyone],
        ['DIRECTOR', county ? rng.int(15, 25) : rng.int(8, 14), anyone],
      ];
    } else if (a.kind === 'ENTERPRISE') {
      chosen = choose(rng, poolOf(villagesOf(a.regionCode), aged(20, 55)), rng.int(30, 120), 0.55);
      for (const m of chosen) m.groupName = rng.pick(a.groups);
      officers = [
        ['PRESIDENT', 1, aged(35, 55)],
        ['SECRETARY_GENERAL', 1, woman(25, 50)],
        ['DIRECTOR', rng.int(3, 5), anyone],
      ];
    } else {
      chosen = choose(rng, pools.floatingByTownship.get(a.regionCode) ?? [], rng.int(60, 160), 0.55);
      for (const m of chosen) m.groupName = rng.pick(a.groups);
      officers = [
        ['PRESIDENT', 1, aged(35, 55)],
        ['VICE_PRESIDENT', 1, anyone],
        ['SECRETARY_GENERAL', 1, woman(25, 50)],
        ['DIRECTOR', rng.int(2, 4), anyone],
      ];
    }
    assignRoles(chosen, officers, a.groups);

    for (const [i, c] of chosen.entries()) {
      const adult = `${c.birthYear + 18}-01-01`;
      const from = [a.foundedOn, adult, '1995-01-01'].reduce((x, y) => (x > y ? x : y));
      const joinedOn = randomDate(rng, from < JOINED_BY ? from : JOINED_BY, JOINED_BY);
      const leftOn =
        c.role === 'MEMBER' && rng.chance(0.015) && joinedOn < '2026-06-30'
          ? randomDate(rng, joinedOn > '2024-01-01' ? joinedOn : '2024-01-01', JOINED_BY)
          : null;
      const dues = rng.weighted(DUES[a.standing]);
      const joinedYear = Number(joinedOn.slice(0, 4));
      const households = pools.householdsByVillage.get(c.villageCode);
      const contactCount = rng.weighted([
        [1, 925],
        [2, 60],
        [3, 15],
      ] as const);
      const contacts: DemoContactHousehold[] = [];
      const taken = new Set([c.householdCode]);
      for (let k = 0; households && k < contactCount; k++) {
        for (let attempt = 0; attempt < 8; attempt++) {
          const list =
            households.priority.length > 0 && rng.chance(0.6) ? households.priority : households.all;
          const code = rng.pick(list);
          if (taken.has(code)) continue;
          taken.add(code);
          const earliest = joinedOn > '2010-01-01' ? joinedOn : '2010-01-01';
          contacts.push({ householdCode: code, since: randomDate(rng, earliest, JOINED_BY) });
          break;
        }
      }
      members.push({
        associationCode: a.code,
        residentId: c.residentId,
        role: c.role,
        cardNumber: rng.chance(0.996) ? `${a.code}-${pad(i + 1, 4)}` : null,
        duesPaidYear: dues === null ? null : Math.max(dues, joinedYear),
        groupName: c.groupName,
        joinedOn,
        leftOn,
        contacts,
      });
    }
  }

  // Planted: a few ordinary village members with no contact household at all.
  const planted: string[] = [];
  const ordinary = members.filter(
    (m) =>
      m.role === 'MEMBER' && m.leftOn === null && m.contacts.length > 0 && m.associationCode.endsWith('-FPA'),
  );
  for (const m of rng.shuffle(ordinary).slice(0, withoutContact)) {
    m.contacts = [];
    planted.push(`${m.associationCode}/${m.residentId}`);
  }
  return { members, withoutContact: planted };
}

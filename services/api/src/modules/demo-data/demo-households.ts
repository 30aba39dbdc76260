import {
  addDays,
  isoDate,
  LAST_BIRTH_YEAR,
  pad,
  randomDate,
  randomDayInYear,
  yearOf,
} from './demo-calendar.ts';
import {
  type DemoPerson,
  type DemoRelation,
  type DemoSex,
  demoGivenName,
  demoMobilePhone,
  demoSurname,
  ResidentIdIssuer,
} from './demo-persons.ts';
import type { DemoRandom } from './demo-random.ts';
import { apportion, type DemoCountyTree, type DemoVillage, demoGroupCode } from './demo-regions.ts';

export type DemoPlanningStatus = 'NONE' | 'ONLY_CHILD' | 'TWO_DAUGHTERS';
export type DemoSensitiveStatus = 'ONLY_CHILD_DIED' | 'ONLY_CHILD_DISABLED';

export interface DemoHousehold {
  /** `<12-digit village code>-NNNN`, numbered within the village. */
  code: string;
  /** A villager group in villages; the community itself in communities (they keep one roll). */
  regionCode: string;
  villageCode: string;
  planningStatus: DemoPlanningStatus;
  inDifficulty: boolean;
  /** 失独 / 伤残: the most sensitive fact the system holds, in a table of its own. */
  sensitive: { status: DemoSensitiveStatus; since: string } | null;
}

/** The register problems planted on purpose, few of them, so that the data-quality checks find something. */
export interface DemoPlantedPersonProblems {
  /** The same woman registered twice (at her parents' and at her husband's), with two different ID numbers. */
  nearDuplicates: [original: string, duplicate: string][];
  /** Resident IDs of people who moved away years ago and are still listed in their household. */
  movedAwayLongAgo: string[];
  /** Codes of only-child households that list two children. */
  onlyChildWithTwoChildren: string[];
}

export interface DemoPeople {
  households: DemoHousehold[];
  /** Grouped by household, households in code order. */
  persons: DemoPerson[];
  planted: DemoPlantedPersonProblems;
}

/** About 140,000 residents a county, in about 47,000 households. */
export const PERSONS_PER_COUNTY = 140_000;
/** How many of each planted problem a county gets. */
export const PLANTED_PER_COUNTY = {
  nearDuplicates: 6,
  movedAwayLongAgo: 20,
  onlyChildWithTwoChildren: 4,
  membersWithoutContact: 25,
} as const;
/** Share of households whose only child died or is disabled (about 0.3 %). */
const SENSITIVE_SHARE = 0.003;
const REFERENCE_YEAR = 2026;

type HouseholdKind =
  | 'SINGLE_ELDER'
  | 'ELDER_COUPLE'
  | 'YOUNG_COUPLE'
  | 'NUCLEAR'
  | 'THREE_GENERATIONS'
  | 'STEM';

// Rural households are older and more often three generations; the county town has more nuclear
// families. The weights give about three persons a household.
const KIND_WEIGHTS: Record<'VILLAGE' | 'COMMUNITY', readonly (readonly [HouseholdKind, number])[]> = {
  VILLAGE: [
    ['SINGLE_ELDER', 13],
    ['ELDER_COUPLE', 21],
    ['YOUNG_COUPLE', 5],
    ['NUCLEAR', 32],
    ['THREE_GENERATIONS', 15],
    ['STEM', 14],
  ],
  COMMUNITY: [
    ['SINGLE_ELDER', 11],
    ['ELDER_COUPLE', 19],
    ['YOUNG_COUPLE', 8],
    ['NUCLEAR', 42],
    ['THREE_GENERATIONS', 11],
    ['STEM', 9],
  ],
};

interface Birth {
  sex: DemoSex;
  birthDate: string;
}

interface Draft {
  relation: DemoRelation;
  sex: DemoSex;
  birthDate: string;
  surname: string;
  deceasedOn?: string;
}

interface HouseholdDraft {
  household: DemoHousehold;
  members: Draft[];
  /** The mother of the couple whose children decide the family-planning status. */
  motherBirthYear: number;
  persons: DemoPerson[];
}

function sexAtBirth(rng: DemoRandom): DemoSex {
  return rng.chance(0.52) ? 'MALE' : 'FEMALE';
}

function bornIn(rng: DemoRandom, fromYear: number, toYear: number): string {
  return randomDayInYear(rng, rng.int(fromYear, Math.min(toYear, LAST_BIRTH_YEAR)));
}

type Cohort = 'BEFORE_1958' | 'BEFORE_1985' | 'LATER';

// How many children a mother bore, by her birth cohort and where she lives: mostly one in the county
// town from the 1980s, one or two in the villages (a second was allowed after a daughter), more again
// after the two- and three-child policies of 2016 and 2021.
// biome-ignore format: a table reads better packed
const CHILDREN: Record<Cohort, Record<'VILLAGE' | 'COMMUNITY', readonly (readonly [number, number])[]>> = {
  BEFORE_1958: { VILLAGE: [[1, 25], [2, 50], [3, 25]], COMMUNITY: [[1, 45], [2, 45], [3, 10]] },
  BEFORE_1985: { VILLAGE: [[1, 45], [2, 50], [3, 5]], COMMUNITY: [[1, 80], [2, 20]] },
  LATER: { VILLAGE: [[0, 8], [1, 42], [2, 42], [3, 8]], COMMUNITY: [[0, 10], [1, 55], [2, 33], [3, 2]] },
};

/** All children a mother bore, the first in her twenties, then every two to six years. */
function familyChildren(rng: DemoRandom, motherBirthYear: number, community: boolean): Birth[] {
  const cohort: Cohort =
    motherBirthYear < 1958 ? 'BEFORE_1958' : motherBirthYear < 1985 ? 'BEFORE_1985' : 'LATER';
  const counts = CHILDREN[cohort][community ? 'COMMUNITY' : 'VILLAGE'];
  const count = rng.weighted(counts);
  const children: Birth[] = [];
  let year = motherBirthYear + rng.int(21, 29);
  for (let i = 0; i < count && year <= LAST_BIRTH_YEAR; i++) {
    children.push({ sex: sexAtBirth(rng), birthDate: randomDayInYear(rng, year) });
    year += rng.int(2, 6);
  }
  return children;
}

function planningStatusOf(
  rng: DemoRandom,
  children: readonly Birth[],
  motherBirthYear: number,
  community: boolean,
): DemoPlanningStatus {
  // Certificates (独生子女证) were issued to parents of children born up to 2015.
  if (
    children.length === 1 &&
    motherBirthYear >= 1945 &&
    yearOf(children[0]!.birthDate) <= 2015 &&
    rng.chance(0.85)
  ) {
    return 'ONLY_CHILD';
  }
  if (
    !community &&
    children.length === 2 &&
    children.every((c) => c.sex === 'FEMALE') &&
    motherBirthYear >= 1945 &&
    yearOf(children[1]!.birthDate) <= 2015 &&
    rng.chance(0.85)
  ) {
    return 'TWO_DAUGHTERS';
  }
  return 'NONE';
}

function ageIn(year: number, birthDate: string): number {
  return year - yearOf(birthDate);
}

/** A couple: husband born in [from, to], his wife up to four years younger. */
function couple(rng: DemoRandom, from: number, to: number): { husband: Draft; wife: Draft } {
  const husbandBorn = bornIn(rng, from, to);
  const wifeYear = Math.min(LAST_BIRTH_YEAR - 18, yearOf(husbandBorn) + rng.int(-1, 4));
  return {
    husband: { relation: 'HEAD', sex: 'MALE', birthDate: husbandBorn, surname: demoSurname(rng) },
    wife: {
      relation: 'SPOUSE',
      sex: 'FEMALE',
      birthDate: randomDayInYear(rng, wifeYear),
      surname: demoSurname(rng),
    },
  };
}

function childDrafts(
  rng: DemoRandom,
  children: readonly Birth[],
  father: Draft,
  mother: Draft,
  relation: DemoRelation,
): Draft[] {
  return children.map((child) => ({
    relation,
    sex: child.sex,
    birthDate: child.birthDate,
    surname: rng.chance(0.95) ? father.surname : mother.surname,
  }));
}

interface HouseholdShape {
  members: Draft[];
  planningStatus: DemoPlanningStatus;
  motherBirthYear: number;
  kind: HouseholdKind;
}

function householdShape(rng: DemoRandom, community: boolean): HouseholdShape {
  const kind = rng.weighted(KIND_WEIGHTS[community ? 'COMMUNITY' : 'VILLAGE']);
  switch (kind) {
    case 'SINGLE_ELDER': {
      // Mostly widows: women live longer.
      const sex: DemoSex = rng.chance(0.65) ? 'FEMALE' : 'MALE';
      const birthDate = bornIn(rng, 1931, 1958);
      const motherBirthYear = yearOf(birthDate) + (sex === 'FEMALE' ? 0 : 2);
      const children = familyChildren(rng, motherBirthYear, community);
      return {
        kind,
        members: [{ relation: 'HEAD', sex, birthDate, surname: demoSurname(rng) }],
        planningStatus: planningStatusOf(rng, children, motherBirthYear, community),
        motherBirthYear,
      };
    }
    case 'ELDER_COUPLE': {
      // Their children have households of their own; the couple still counts as an only-child or
      // two-daughter household (it is the parents who receive reward assistance at 60).
      const { husband, wife } = couple(rng, 1936, 1966);
      const motherBirthYear = yearOf(wife.birthDate);
      const children = familyChildren(rng, motherBirthYear, community);
      const members = rng.chance(0.05)
        ? [
            { ...wife, relation: 'HEAD' as const },
            { ...husband, relation: 'SPOUSE' as const },
          ]
        : [husband, wife];
      return {
        kind,
        members,
        planningStatus: planningStatusOf(rng, children, motherBirthYear, community),
        motherBirthYear,
      };
    }
    case 'YOUNG_COUPLE': {
      const { husband, wife } = couple(rng, 1993, 2002);
      return {
        kind,
        members: [husband, wife],
        planningStatus: 'NONE',
        motherBirthYear: yearOf(wife.birthDate),
      };
    }
    case 'NUCLEAR': {
      const { husband, wife } = couple(rng, 1966, 1998);
      const motherBirthYear = yearOf(wife.birthDate);
      const children = familyChildren(rng, motherBirthYear, community);
      // Grown children often live where they work.
      const atHome = children.filter((c) => ageIn(REFERENCE_YEAR, c.birthDate) < 24 || rng.chance(0.4));
      return {
        kind,
        members: [husband, wife, ...childDrafts(rng, atHome, husband, wife, 'CHILD')],
        planningStatus: planningStatusOf(rng, children, motherBirthYear, community),
        motherBirthYear,
      };
    }
    case 'THREE_GENERATIONS': {
      const { husband, wife } = couple(rng, 1978, 1997);
      const motherBirthYear = yearOf(wife.birthDate);
      const children = familyChildren(rng, motherBirthYear, community);
      const fatherYear = yearOf(husband.birthDate) - rng.int(23, 32);
      const parents: Draft[] = [];
      const withFather = rng.chance(0.75);
      if (withFather) {
        parents.push({
          relation: 'PARENT',
          sex: 'MALE',
          birthDate: randomDayInYear(rng, fatherYear),
          surname: husband.surname,
        });
      }
      if (!withFather || rng.chance(0.85)) {
        const year = fatherYear + rng.int(-1, 4);
        parents.push({
          relation: 'PARENT',
          sex: 'FEMALE',
          birthDate: randomDayInYear(rng, year),
          surname: demoSurname(rng),
        });
      }
      return {
        kind,
        members: [husband, wife, ...childDrafts(rng, children, husband, wife, 'CHILD'), ...parents],
        planningStatus: planningStatusOf(rng, children, motherBirthYear, community),
        motherBirthYear,
      };
    }
    case 'STEM': {
      // An older couple with the child who stayed (usually a son), his wife and their children.
      const { husband, wife } = couple(rng, 1952, 1972);
      const motherBirthYear = yearOf(wife.birthDate);
      const children = familyChildren(rng, motherBirthYear, community);
      const members: Draft[] = [husband, wife];
      const heirIndex = Math.max(
        0,
        children.findIndex((c) => c.sex === 'MALE'),
      );
      const heir = children[heirIndex];
      if (heir) {
        const [heirDraft] = childDrafts(rng, [heir], husband, wife, 'CHILD');
        members.push(heirDraft!);
        const young = children.filter((c, i) => i !== heirIndex && ageIn(REFERENCE_YEAR, c.birthDate) < 24);
        members.push(...childDrafts(rng, young, husband, wife, 'CHILD'));
        if (ageIn(REFERENCE_YEAR, heir.birthDate) >= 23 && rng.chance(0.8)) {
          const partnerSex: DemoSex = heir.sex === 'MALE' ? 'FEMALE' : 'MALE';
          const partnerYear = Math.min(LAST_BIRTH_YEAR - 20, yearOf(heir.birthDate) + rng.int(-2, 3));
          const partner: Draft = {
            relation: 'OTHER',
            sex: partnerSex,
            birthDate: randomDayInYear(rng, partnerYear),
            surname: demoSurname(rng),
          };
          members.push(partner);
          const [father, mother] = heir.sex === 'MALE' ? [heirDraft!, partner] : [partner, heirDraft!];
          const grandchildren = familyChildren(rng, yearOf(mother.birthDate), community);
          members.push(...childDrafts(rng, grandchildren, father, mother, 'GRANDCHILD'));
        }
      }
      return {
        kind,
        members,
        planningStatus: planningStatusOf(rng, children, motherBirthYear, community),
        motherBirthYear,
      };
    }
  }
}

function phoneFor(rng: DemoRandom, birthDate: string): string | null {
  const age = ageIn(REFERENCE_YEAR, birthDate);
  if (age < 16) return null;
  return rng.chance(age >= 75 ? 0.55 : age >= 60 ? 0.8 : 0.93) ? demoMobilePhone(rng) : null;
}

/**
 * One county's residents in households. Pure and deterministic for a given random stream; it holds
 * only this county (about 140,000 persons), so a province is generated one county at a time.
 */
export function buildDemoPeople(
  random: DemoRandom,
  tree: DemoCountyTree,
  total = PERSONS_PER_COUNTY,
): DemoPeople {
  const rng = random.fork(`people:${tree.spec.code6}`);
  const ids = new ResidentIdIssuer(tree.spec.code6, rng.fork('resident-ids'));
  const villages: DemoVillage[] = tree.townships.flatMap((t) => t.villages);
  const communities = villages.filter((v) => v.region.kind === 'COMMUNITY').map((v) => v.region.code);
  const extra = PLANTED_PER_COUNTY.nearDuplicates + PLANTED_PER_COUNTY.onlyChildWithTwoChildren;
  // Communities are denser than villages of the same number of groups.
  const perVillage = apportion(
    total - extra,
    villages.map((v) => v.groupCount * (v.region.kind === 'COMMUNITY' ? 1.6 : 1)),
    1,
  );

  const toPerson = (draft: Draft, household: DemoHousehold, villageCode: string): DemoPerson => {
    const name = draft.surname + demoGivenName(rng, draft.sex);
    const age = ageIn(REFERENCE_YEAR, draft.birthDate);
    // Working-age people from the villages live in the county town without moving their registration.
    const floating =
      age >= 18 && age <= 50 && communities.length > 1 && rng.chance(0.12) ? rng.pick(communities) : null;
    return {
      name,
      residentId: ids.issue(draft.birthDate, draft.sex),
      sex: draft.sex,
      birthDate: draft.birthDate,
      phone: phoneFor(rng, draft.birthDate),
      registeredRegionCode: villageCode,
      currentRegionCode: floating !== null && floating !== villageCode ? floating : villageCode,
      householdCode: household.code,
      relation: draft.relation,
      movedAwayOn: null,
      deceasedOn: draft.deceasedOn ?? null,
    };
  };

  const drafts: HouseholdDraft[] = [];
  for (const [v, village] of villages.entries()) {
    const community = village.region.kind === 'COMMUNITY';
    let left = perVillage[v]!;
    for (let n = 1; left > 0; n++) {
      const shape = householdShape(rng, community);
      const members = shape.members.slice(0, left);
      left -= members.length;
      const household: DemoHousehold = {
        code: `${village.region.code}-${pad(n, 4)}`,
        regionCode: community
          ? village.region.code
          : demoGroupCode(village.region.code, rng.int(1, village.groupCount)),
        villageCode: village.region.code,
        planningStatus: shape.planningStatus,
        inDifficulty: rng.chance(shape.kind === 'SINGLE_ELDER' ? 0.08 : 0.03),
        sensitive: null,
      };
      drafts.push({ household, members, motherBirthYear: shape.motherBirthYear, persons: [] });
    }
  }

  markSensitiveHouseholds(rng.fork('sensitive'), drafts);
  for (const draft of drafts) {
    draft.persons = draft.members.map((m) => toPerson(m, draft.household, draft.household.villageCode));
  }
  const planted = plantProblems(rng.fork('planted'), drafts, ids);

  const households: DemoHousehold[] = [];
  const persons: DemoPerson[] = [];
  for (const draft of drafts) {
    households.push(draft.household);
    for (const person of draft.persons) persons.push(person);
  }
  return { households, persons, planted };
}

/** About 0.3 % of households: an only child who died (失独) or is disabled (伤残), the mother now 49 or older. */
function markSensitiveHouseholds(rng: DemoRandom, drafts: HouseholdDraft[]): void {
  const eligible = drafts.filter(
    (d) => d.household.planningStatus === 'ONLY_CHILD' && d.motherBirthYear <= REFERENCE_YEAR - 49,
  );
  const count = Math.round(drafts.length * SENSITIVE_SHARE);
  for (const draft of rng.shuffle(eligible).slice(0, count)) {
    const child = draft.members.find((m) => m.relation === 'CHILD');
    const died = rng.chance(0.45);
    const earliest = child ? addDays(child.birthDate, 365 * 3) : isoDate(draft.motherBirthYear + 30, 1, 1);
    const since = randomDate(rng, earliest > '2000-01-01' ? earliest : '2000-01-01', '2025-12-31');
    if (died && child) child.deceasedOn = since;
    draft.household.sensitive = { status: died ? 'ONLY_CHILD_DIED' : 'ONLY_CHILD_DISABLED', since };
    draft.household.inDifficulty = rng.chance(0.6);
  }
}

function plantProblems(
  rng: DemoRandom,
  drafts: HouseholdDraft[],
  ids: ResidentIdIssuer,
): DemoPlantedPersonProblems {
  const planted: DemoPlantedPersonProblems = {
    nearDuplicates: [],
    movedAwayLongAgo: [],
    onlyChildWithTwoChildren: [],
  };
  const touched = new Set<HouseholdDraft>();

  // The same woman at her husband's and again at her parents' (in another village), under another number.
  const wives = rng.shuffle(
    drafts.filter(
      (d) =>
        d.household.sensitive === null &&
        d.persons.some(
          (p) =>
            p.relation === 'SPOUSE' && p.sex === 'FEMALE' && p.birthDate >= '1975' && p.birthDate < '2000',
        ),
    ),
  );
  const parents = rng.shuffle(
    drafts.filter(
      (d) =>
        d.household.sensitive === null && d.household.planningStatus === 'NONE' && d.persons.length === 2,
    ),
  );
  for (const draft of wives) {
    if (planted.nearDuplicates.length === PLANTED_PER_COUNTY.nearDuplicates) break;
    const wife = draft.persons.find((p) => p.relation === 'SPOUSE')!;
    const home = parents.find(
      (d) =>
        !touched.has(d) &&
        d.household.villageCode !== draft.household.villageCode &&
        d.persons.every((p) => yearOf(p.birthDate) <= yearOf(wife.birthDate) - 20),
    );
    if (!home) break;
    touched.add(draft).add(home);
    const duplicate: DemoPerson = {
      ...wife,
      residentId: ids.issue(wife.birthDate, wife.sex),
      phone: rng.chance(0.5) ? wife.phone : null,
      registeredRegionCode: home.household.villageCode,
      currentRegionCode: home.household.villageCode,
      householdCode: home.household.code,
      relation: 'CHILD',
    };
    home.persons.push(duplicate);
    planted.nearDuplicates.push([wife.residentId, duplicate.residentId]);
  }

  // Only-child households with a second child on the roll.
  const onlyChildren = rng.shuffle(
    drafts.filter(
      (d) =>
        !touched.has(d) &&
        d.household.planningStatus === 'ONLY_CHILD' &&
        d.household.sensitive === null &&
        d.motherBirthYear >= 1975 &&
        d.persons.filter((p) => p.relation === 'CHILD').length === 1 &&
        d.persons.some((p) => p.relation === 'CHILD' && p.birthDate < '2016'),
    ),
  );
  for (const draft of onlyChildren.slice(0, PLANTED_PER_COUNTY.onlyChildWithTwoChildren)) {
    touched.add(draft);
    const index = draft.persons.findIndex((p) => p.relation === 'CHILD');
    const first = draft.persons[index]!;
    const birthDate = addDays(first.birthDate, rng.int(700, 2_500));
    const sex = sexAtBirth(rng);
    draft.persons.push({
      ...first,
      name: draft.members[index]!.surname + demoGivenName(rng, sex),
      residentId: ids.issue(birthDate, sex),
      sex,
      birthDate,
      phone: phoneFor(rng, birthDate),
    });
    planted.onlyChildWithTwoChildren.push(draft.household.code);
  }

  // People who left for good years ago and were never taken off the household roll.
  const leavers = rng.shuffle(
    drafts.flatMap((d) =>
      touched.has(d) || d.household.sensitive !== null
        ? []
        : d.persons.filter((p) => p.relation === 'CHILD' && p.birthDate >= '1980' && p.birthDate < '1996'),
    ),
  );
  for (const person of leavers.slice(0, PLANTED_PER_COUNTY.movedAwayLongAgo)) {
    person.movedAwayOn = randomDate(rng, '2012-01-01', '2019-12-31');
    person.currentRegionCode = person.registeredRegionCode;
    planted.movedAwayLongAgo.push(person.residentId);
  }
  return planted;
}

import { createHash } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isMobilePhone } from '@sunshine/identifiers/mobile-phone';
import { parseResidentId } from '@sunshine/identifiers/resident-id';
import { describe, expect, it } from 'vitest';
import { DEMO_AS_OF, quarterOf } from './demo-calendar.ts';
import { DEMO_PASSWORD, type DemoCounty, generateDemoCounty } from './demo-county.ts';
import { PERSONS_PER_COUNTY, PLANTED_PER_COUNTY } from './demo-households.ts';
import type { DemoPerson } from './demo-persons.ts';
import type { DemoRegion } from './demo-regions.ts';
import type { DemoRegistry } from './demo-registry.ts';

function fingerprint(demo: DemoCounty, registries: Iterable<DemoRegistry>): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(demo.counties));
  for (const region of demo.regions) hash.update(JSON.stringify(region));
  hash.update(JSON.stringify(demo.users));
  hash.update(JSON.stringify(demo.policies));
  for (const registry of registries) {
    for (const rows of Object.values(registry)) hash.update(JSON.stringify(rows));
  }
  return hash.digest('hex');
}

function* registriesOf(demo: DemoCounty): Generator<DemoRegistry> {
  for (const part of demo.parts()) yield part.registry();
}

/** Assertions over 140,000 rows: collect the offenders and compare once (one `expect` per row is slow). */
function offenders<T>(items: Iterable<T>, ok: (item: T) => boolean): T[] {
  const bad: T[] = [];
  for (const item of items) if (!ok(item) && bad.length < 5) bad.push(item);
  return bad;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

const STATISTICAL_CODE = /^\d{12}$/;
const county = generateDemoCounty({ seed: 2026, scale: 'county' });
const regions = [...county.regions];
const regionByCode = new Map(regions.map((r) => [r.code, r]));
const [home] = [...county.parts()];
const registry: DemoRegistry = home!.registry();
const { persons, households, associations, members, activities, projects, evaluations, planted } = registry;
const personById = new Map(persons.map((p) => [p.residentId, p]));
const householdByCode = new Map(households.map((h) => [h.code, h]));
const personsByHousehold = groupBy(persons, (p) => p.householdCode);
const villageCount = regions.filter((r) => r.level === 'VILLAGE').length;

describe('generateDemoCounty determinism', () => {
  it('gives byte-identical output for the same seed and different output for another', () => {
    const again = generateDemoCounty({ seed: 2026, scale: 'county' });
    expect(fingerprint(county, [registry])).toBe(fingerprint(again, registriesOf(again)));
    const other = generateDemoCounty({ seed: 2027, scale: 'county' });
    expect(fingerprint(other, [])).not.toBe(fingerprint(county, []));
    const otherRegistry = [...other.parts()][0]!.registry();
    expect(otherRegistry.persons.slice(0, 100)).not.toEqual(persons.slice(0, 100));
  });

  it('yields the same regions on every pass, and a county part holds the same regions', () => {
    expect([...county.regions]).toEqual(regions);
    expect(home!.regions).toEqual(regions);
    expect(home!.users).toEqual(county.users);
    expect(home!.policies).toEqual(county.policies);
  });
});

describe('demo regions', () => {
  it.each([1, 2, 3, 2026, 'abc'])('has about 19 townships and 420-480 villages (seed %s)', (seed) => {
    const levels = { COUNTY: 0, TOWNSHIP: 0, VILLAGE: 0, GROUP: 0 };
    for (const region of generateDemoCounty({ seed, scale: 'county' }).regions) levels[region.level]++;
    expect(levels.COUNTY).toBe(1);
    expect(levels.TOWNSHIP).toBeGreaterThanOrEqual(18);
    expect(levels.TOWNSHIP).toBeLessThanOrEqual(20);
    expect(levels.VILLAGE).toBeGreaterThanOrEqual(420);
    expect(levels.VILLAGE).toBeLessThanOrEqual(480);
  });

  it('has unique codes, each under its parent, parents listed first', () => {
    expect(regionByCode.size).toBe(regions.length);
    const seen = new Set<string>();
    for (const region of regions) {
      if (region.level === 'COUNTY') {
        expect(region.parentCode).toBeNull();
        expect(region.code).toMatch(/^330199000000$/);
      } else {
        expect(seen.has(region.parentCode!)).toBe(true);
        const parent = regionByCode.get(region.parentCode!)!;
        if (region.level === 'TOWNSHIP') {
          expect(parent.level).toBe('COUNTY');
          expect(region.code).toMatch(STATISTICAL_CODE);
          expect(region.code.slice(0, 6)).toBe(parent.code.slice(0, 6));
          expect(region.code.slice(6, 9)).not.toBe('000');
          expect(region.code.slice(9)).toBe('000');
        } else if (region.level === 'VILLAGE') {
          expect(parent.level).toBe('TOWNSHIP');
          expect(region.code).toMatch(STATISTICAL_CODE);
          expect(region.code.slice(0, 9)).toBe(parent.code.slice(0, 9));
          const n = Number(region.code.slice(9));
          expect(region.kind === 'COMMUNITY' ? n >= 1 && n <= 199 : n >= 200 && n <= 399).toBe(true);
        } else {
          expect(parent.level).toBe('VILLAGE');
          expect(region.code).toMatch(new RegExp(`^${parent.code}-\\d{2}$`));
        }
      }
      seen.add(region.code);
    }
  });

  it('follows the statistical numbering of subdistricts, towns and townships', () => {
    for (const region of regions.filter((r) => r.level === 'TOWNSHIP')) {
      const n = Number(region.code.slice(6, 9));
      const range = { SUBDISTRICT: [1, 99], TOWN: [100, 199], TOWNSHIP: [200, 399] }[
        region.kind as 'SUBDISTRICT' | 'TOWN' | 'TOWNSHIP'
      ];
      expect(n).toBeGreaterThanOrEqual(range[0]!);
      expect(n).toBeLessThanOrEqual(range[1]!);
      expect(region.name).toMatch(/(街道|镇|乡)$/);
    }
    const subdistricts = regions.filter((r) => r.kind === 'SUBDISTRICT').length;
    expect(subdistricts).toBeGreaterThanOrEqual(2);
    expect(subdistricts).toBeLessThanOrEqual(3);
  });

  it('gives every village 3-12 groups and unique names among siblings', () => {
    const children = groupBy(
      regions.filter((r) => r.parentCode !== null),
      (r) => r.parentCode!,
    );
    for (const village of regions.filter((r) => r.level === 'VILLAGE')) {
      const groups = children.get(village.code) ?? [];
      expect(groups.length).toBeGreaterThanOrEqual(3);
      expect(groups.length).toBeLessThanOrEqual(12);
      expect(village.name).toMatch(village.kind === 'COMMUNITY' ? /社区$/ : /村$/);
    }
    for (const siblings of children.values()) {
      expect(new Set(siblings.map((r) => r.name)).size).toBe(siblings.length);
    }
  });
});

describe('demo persons', () => {
  it('has 140,000 persons with unique, valid resident IDs that agree with birth date and sex', () => {
    expect(persons).toHaveLength(PERSONS_PER_COUNTY);
    expect(personById.size).toBe(persons.length);
    const invalid = offenders(persons, (person) => {
      const parsed = parseResidentId(person.residentId);
      return (
        parsed.ok &&
        parsed.value.number === person.residentId &&
        parsed.value.regionCode === '330199' &&
        parsed.value.birthDate === person.birthDate &&
        parsed.value.sex === person.sex &&
        /^[\u4e00-\u9fff]{2,4}$/.test(person.name)
      );
    });
    expect(invalid).toEqual([]);
  });

  it('registers everyone in their household’s village, with valid phones and some floating population', () => {
    const misplaced = offenders(
      persons,
      (person) =>
        person.registeredRegionCode === householdByCode.get(person.householdCode)?.villageCode &&
        (person.currentRegionCode === person.registeredRegionCode ||
          regionByCode.get(person.currentRegionCode)?.kind === 'COMMUNITY') &&
        (person.phone === null || (isMobilePhone(person.phone) && person.phone.length === 11)) &&
        (person.deceasedOn === null || person.deceasedOn > person.birthDate) &&
        (person.movedAwayOn === null || person.movedAwayOn > person.birthDate),
    );
    expect(misplaced).toEqual([]);
    const floating = persons.filter((p) => p.currentRegionCode !== p.registeredRegionCode).length;
    expect(floating / persons.length).toBeGreaterThan(0.02);
    expect(floating / persons.length).toBeLessThan(0.2);
    expect(persons.filter((p) => p.phone === null).length).toBeGreaterThan(0);
  });

  it('spans the ages of a rural county: old parents, working adults, children under three', () => {
    const age = (p: DemoPerson) => 2026 - Number(p.birthDate.slice(0, 4));
    const share = (test: (p: DemoPerson) => boolean) => persons.filter(test).length / persons.length;
    expect(share((p) => age(p) >= 60)).toBeGreaterThan(0.2);
    expect(share((p) => age(p) >= 60)).toBeLessThan(0.4);
    expect(share((p) => age(p) < 18)).toBeGreaterThan(0.1);
    expect(persons.some((p) => p.birthDate >= '2023-11-15')).toBe(true);
    expect(persons.every((p) => p.birthDate <= '2025-12-31' && p.birthDate >= '1925-01-01')).toBe(true);
  });
});

describe('demo households', () => {
  it('numbers about 47,000 households of about three persons within their village', () => {
    expect(households.length).toBeGreaterThan(42_000);
    expect(households.length).toBeLessThan(52_000);
    expect(householdByCode.size).toBe(households.length);
    expect(persons.length / households.length).toBeGreaterThan(2.7);
    expect(persons.length / households.length).toBeLessThan(3.3);
    const malformed = offenders(households, (household) => {
      const region = regionByCode.get(household.regionCode);
      const roll = personsByHousehold.get(household.code) ?? [];
      return (
        /^\d{12}-\d{4}$/.test(household.code) &&
        household.code.startsWith(`${household.villageCode}-`) &&
        (region?.level === 'VILLAGE' ? region.code : region?.parentCode) === household.villageCode &&
        regionByCode.get(household.villageCode)?.level === 'VILLAGE' &&
        roll.filter((p) => p.relation === 'HEAD').length === 1
      );
    });
    expect(malformed).toEqual([]);
    expect(new Set(households.map((h) => h.villageCode)).size).toBe(villageCount);
  });

  it('has only-child and two-daughter households, some in difficulty', () => {
    const status = countBy(households, (h) => h.planningStatus);
    expect(status.get('ONLY_CHILD')! / households.length).toBeGreaterThan(0.1);
    expect(status.get('ONLY_CHILD')! / households.length).toBeLessThan(0.4);
    expect(status.get('TWO_DAUGHTERS')! / households.length).toBeGreaterThan(0.01);
    const difficulty = households.filter((h) => h.inDifficulty).length / households.length;
    expect(difficulty).toBeGreaterThan(0.02);
    expect(difficulty).toBeLessThan(0.08);
  });

  it('marks about 0.3 % of households as losing or caring for a disabled only child, mothers 49 or older', () => {
    const sensitive = households.filter((h) => h.sensitive !== null);
    expect(sensitive.length / households.length).toBeGreaterThan(0.002);
    expect(sensitive.length / households.length).toBeLessThan(0.004);
    const statuses = countBy(sensitive, (h) => h.sensitive!.status);
    expect(statuses.get('ONLY_CHILD_DIED')).toBeGreaterThan(10);
    expect(statuses.get('ONLY_CHILD_DISABLED')).toBeGreaterThan(10);
    for (const household of sensitive) {
      expect(household.planningStatus).toBe('ONLY_CHILD');
      expect(household.sensitive!.since <= '2025-12-31').toBe(true);
    }
    for (const person of persons.filter((p) => p.deceasedOn !== null)) {
      expect(householdByCode.get(person.householdCode)?.sensitive?.status).toBe('ONLY_CHILD_DIED');
      expect(person.relation).toBe('CHILD');
    }
  });

  it('keeps elders older than the young within a household (no accidental contradictions)', () => {
    const contradictory = offenders(personsByHousehold.values(), (roll) => {
      const head = roll.find((p) => p.relation === 'HEAD')!;
      const elders = roll.filter((p) => p.relation === 'HEAD' || p.relation === 'SPOUSE');
      const children = roll.filter((p) => p.relation === 'CHILD');
      return (
        children.every((child) => elders.every((elder) => elder.birthDate < child.birthDate)) &&
        roll.filter((p) => p.relation === 'PARENT').every((parent) => parent.birthDate < head.birthDate)
      );
    });
    expect(contradictory).toEqual([]);
    const twoDaughtersWithSon = households.filter(
      (h) =>
        h.planningStatus === 'TWO_DAUGHTERS' &&
        personsByHousehold.get(h.code)!.some((p) => p.relation === 'CHILD' && p.sex === 'MALE'),
    );
    expect(twoDaughtersWithSon).toEqual([]);
  });
});

describe('planted data-quality problems', () => {
  it('has near-duplicate persons: same name and birth date, different ID, in two villages', () => {
    expect(planted.nearDuplicates).toHaveLength(PLANTED_PER_COUNTY.nearDuplicates);
    for (const [original, duplicate] of planted.nearDuplicates) {
      const a = personById.get(original)!;
      const b = personById.get(duplicate)!;
      expect(a.residentId).not.toBe(b.residentId);
      expect([a.name, a.birthDate, a.sex]).toEqual([b.name, b.birthDate, b.sex]);
      expect(a.householdCode.slice(0, 12)).not.toBe(b.householdCode.slice(0, 12));
    }
  });

  it('has only-child households listing two children, exactly the planted ones', () => {
    const contradictions = households
      .filter(
        (h) =>
          h.planningStatus === 'ONLY_CHILD' &&
          personsByHousehold.get(h.code)!.filter((p) => p.relation === 'CHILD').length >= 2,
      )
      .map((h) => h.code);
    expect(contradictions.sort()).toEqual([...planted.onlyChildWithTwoChildren].sort());
    expect(contradictions).toHaveLength(PLANTED_PER_COUNTY.onlyChildWithTwoChildren);
  });

  it('has persons who moved away years ago and are still in a household, exactly the planted ones', () => {
    const moved = persons.filter((p) => p.movedAwayOn !== null);
    expect(moved.map((p) => p.residentId).sort()).toEqual([...planted.movedAwayLongAgo].sort());
    expect(moved).toHaveLength(PLANTED_PER_COUNTY.movedAwayLongAgo);
    for (const person of moved) expect(person.movedAwayOn! < '2020-01-01').toBe(true);
  });

  it('has members without a contact household, exactly the planted ones', () => {
    const without = members
      .filter((m) => m.contacts.length === 0)
      .map((m) => `${m.associationCode}/${m.residentId}`);
    expect(without.sort()).toEqual([...planted.membersWithoutContact].sort());
    expect(without).toHaveLength(PLANTED_PER_COUNTY.membersWithoutContact);
  });
});

describe('demo associations', () => {
  it('has about 470 associations: the county, every township and village, enterprises, floating population', () => {
    expect(associations.length).toBeGreaterThanOrEqual(440);
    expect(associations.length).toBeLessThanOrEqual(520);
    expect(new Set(associations.map((a) => a.code)).size).toBe(associations.length);
    const kinds = countBy(associations, (a) => a.kind);
    expect(kinds.get('REGIONAL')).toBe(
      regions.filter((r) => r.level !== 'VILLAGE' && r.level !== 'GROUP').length,
    );
    expect((kinds.get('VILLAGE') ?? 0) + (kinds.get('COMMUNITY') ?? 0)).toBe(villageCount);
    expect(kinds.get('ENTERPRISE')).toBeGreaterThanOrEqual(3);
    expect(kinds.get('FLOATING_POPULATION')).toBeGreaterThanOrEqual(2);
  });

  it('codes each association under its region, at the level and of the kind the region allows', () => {
    for (const a of associations) {
      expect(a.code).toMatch(/^\d{12}-[A-Z0-9]{1,8}$/);
      expect(a.code.slice(0, 12)).toBe(a.regionCode);
      const region = regionByCode.get(a.regionCode)!;
      expect(a.level).toBe(region.level);
      if (a.kind === 'REGIONAL') expect(a.level).not.toBe('VILLAGE');
      if (a.kind === 'VILLAGE' || a.kind === 'COMMUNITY') expect(a.kind).toBe(region.kind);
      expect(a.name.length).toBeLessThanOrEqual(100);
      expect(a.groups.length).toBeGreaterThan(0);
      expect(new Set(a.groups).size).toBe(a.groups.length);
    }
  });

  it('has a few model, some advanced, mostly ordinary and some nominal associations', () => {
    const standing = countBy(associations, (a) => a.standing);
    expect(standing.get('MODEL')).toBeGreaterThan(3);
    expect(standing.get('MODEL')! / associations.length).toBeLessThan(0.1);
    expect(standing.get('ADVANCED')).toBeGreaterThan(standing.get('MODEL')!);
    expect(standing.get('ORDINARY')! / associations.length).toBeGreaterThan(0.5);
    expect(standing.get('NOMINAL')).toBeGreaterThan(10);
    for (const a of associations) {
      if (a.standing === 'MODEL') expect(a.facilities).toHaveLength(5);
      if (a.standing === 'NOMINAL') expect(a.facilities.length).toBeLessThanOrEqual(1);
    }
  });
});

describe('demo members', () => {
  const byAssociation = groupBy(members, (m) => m.associationCode);

  it('has about 49,000 members with unique, well-formed card numbers', () => {
    expect(members.length).toBeGreaterThan(45_000);
    expect(members.length).toBeLessThan(53_000);
    const cards = members.map((m) => m.cardNumber).filter((c) => c !== null);
    expect(new Set(cards).size).toBe(cards.length);
    expect(cards.length).toBeGreaterThan(members.length * 0.99);
    const malformed = offenders(
      members,
      (m) =>
        m.cardNumber === null ||
        (/^[0-9A-Z-]{4,30}$/.test(m.cardNumber) && m.cardNumber.startsWith(`${m.associationCode}-`)),
    );
    expect(malformed).toEqual([]);
    expect(new Set(members.map((m) => `${m.associationCode}/${m.residentId}`)).size).toBe(members.length);
  });

  it('gives every association one president and one secretary-general, and every group a leader', () => {
    for (const a of associations) {
      const roll = byAssociation.get(a.code) ?? [];
      expect(roll.filter((m) => m.role === 'PRESIDENT')).toHaveLength(1);
      expect(roll.filter((m) => m.role === 'SECRETARY_GENERAL')).toHaveLength(1);
      const leaders = roll.filter((m) => m.role === 'GROUP_LEADER');
      expect(new Set(leaders.map((m) => m.groupName)).size).toBe(leaders.length);
      for (const m of roll) if (m.groupName !== null) expect(a.groups).toContain(m.groupName);
    }
    const roles = countBy(members, (m) => m.role);
    expect(roles.get('MEMBER')! / members.length).toBeGreaterThan(0.75);
    expect(roles.get('DIRECTOR')).toBeGreaterThan(associations.length);
  });

  it('enrolls living residents still at home, joined before the demo’s today, with dues years', () => {
    const associationByCode = new Map(associations.map((a) => [a.code, a]));
    const unlikely = offenders(members, (m) => {
      const person = personById.get(m.residentId);
      const a = associationByCode.get(m.associationCode)!;
      return (
        person !== undefined &&
        person.deceasedOn === null &&
        person.movedAwayOn === null &&
        (!(a.kind === 'VILLAGE' || a.kind === 'COMMUNITY') ||
          person.householdCode.slice(0, 12) === a.regionCode) &&
        m.joinedOn >= a.foundedOn &&
        m.joinedOn <= DEMO_AS_OF &&
        (m.leftOn === null || m.leftOn >= m.joinedOn) &&
        (m.duesPaidYear === null || m.duesPaidYear >= Number(m.joinedOn.slice(0, 4)))
      );
    });
    expect(unlikely).toEqual([]);
    const dues = countBy(members, (m) => String(m.duesPaidYear));
    expect(dues.get('2026')! / members.length).toBeGreaterThan(0.5);
    expect(dues.get('null')).toBeGreaterThan(0);
  });

  it('keeps about 53,000 contacts with households of the member’s village, never their own', () => {
    const contacts = members.flatMap((m) => m.contacts.map((c) => ({ m, c })));
    expect(contacts.length).toBeGreaterThan(50_000);
    expect(contacts.length).toBeLessThan(56_000);
    const strange = offenders(contacts, ({ m, c }) => {
      const person = personById.get(m.residentId)!;
      return (
        c.householdCode !== person.householdCode &&
        householdByCode.get(c.householdCode)?.villageCode === person.householdCode.slice(0, 12) &&
        c.since >= m.joinedOn &&
        c.since <= DEMO_AS_OF
      );
    });
    expect(strange).toEqual([]);
    expect(
      offenders(members, (m) => new Set(m.contacts.map((c) => c.householdCode)).size === m.contacts.length),
    ).toEqual([]);
  });
});

describe('demo work records', () => {
  it('has three years of activities of every kind, none after the demo’s today, unique by natural key', () => {
    expect(activities.length).toBeGreaterThan(8_000);
    const keys = activities.map((x) => `${x.associationCode}|${x.heldOn}|${x.kind}|${x.title}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...countBy(activities, (x) => x.heldOn.slice(0, 4)).keys()].sort()).toEqual([
      '2024',
      '2025',
      '2026',
    ]);
    expect(countBy(activities, (x) => x.kind).size).toBe(7);
    const odd = offenders(
      activities,
      (x) =>
        x.heldOn <= DEMO_AS_OF &&
        x.title.length >= 2 &&
        x.title.length <= 200 &&
        (x.kind !== 'MEMBER_DAY' || /^05-(2[5-9]|3[01])$/.test(x.heldOn.slice(5))) &&
        (x.kind !== 'POPULATION_DAY' || /^07-(0[89]|1[0-4])$/.test(x.heldOn.slice(5))) &&
        (x.kind === 'HEALTH_SCREENING' ? x.peopleScreened > 0 : x.peopleScreened === 0),
    );
    expect(odd).toEqual([]);
  });

  it('records an activity every quarter except the skipped ones, which some associations have', () => {
    const skipped = new Set(planted.skippedQuarters);
    expect(skipped.size).toBeGreaterThan(10);
    const held = new Set(
      activities.map((x) => `${x.associationCode}/${x.heldOn.slice(0, 4)}Q${quarterOf(x.heldOn)}`),
    );
    for (const a of associations) {
      for (const year of [2024, 2025, 2026]) {
        for (let q = 1; q <= 4; q++) {
          const quarter = `${a.code}/${year}Q${q}`;
          if (`${year}-${String(q * 3 - 2).padStart(2, '0')}-01` > DEMO_AS_OF) continue;
          expect(held.has(quarter)).toBe(!skipped.has(quarter));
        }
      }
    }
  });

  it('has projects with budgets in fen and income changes, some negative', () => {
    expect(projects.length).toBeGreaterThan(50);
    expect(new Set(projects.map((p) => `${p.associationCode}|${p.name}`)).size).toBe(projects.length);
    for (const p of projects) {
      expect(Number.isSafeInteger(p.budgetFen) && p.budgetFen > 0).toBe(true);
      if (p.endOn !== null) expect(p.endOn >= p.startOn).toBe(true);
      if (p.incomeChangeFen !== null) expect(Number.isSafeInteger(p.incomeChangeFen)).toBe(true);
    }
    expect(projects.some((p) => (p.incomeChangeFen ?? 0) < 0)).toBe(true);
    expect(projects.some((p) => (p.incomeChangeFen ?? 0) > 0)).toBe(true);
    expect(countBy(projects, (p) => p.kind).size).toBe(5);
  });

  it('evaluates yearly, fails some with deadlines and re-evaluates them around the deadline', () => {
    const byKey = new Map(evaluations.map((e) => [e.key, e]));
    expect(byKey.size).toBe(evaluations.length);
    const passed = (e: (typeof evaluations)[number]) => e.items.every((i) => i.passed);
    const failed = evaluations.filter((e) => !passed(e));
    expect(failed.length / evaluations.length).toBeGreaterThan(0.03);
    expect(failed.length / evaluations.length).toBeLessThan(0.25);
    const reEvaluated = evaluations.filter((e) => e.reEvaluationOf !== null);
    expect(reEvaluated.length).toBeGreaterThan(5);
    expect(new Set(reEvaluated.map((e) => e.reEvaluationOf)).size).toBe(reEvaluated.length);
    const usernames = new Set(county.users.map((u) => u.username));
    const associationByCode = new Map(associations.map((a) => [a.code, a]));
    for (const e of evaluations) {
      expect(e.items.length).toBeGreaterThan(0);
      expect(e.evaluatedOn <= DEMO_AS_OF).toBe(true);
      expect(usernames.has(e.evaluatedByUsername)).toBe(true);
      const level = associationByCode.get(e.associationCode)!.level;
      expect(e.evaluatedByUsername).toBe(
        level === 'VILLAGE' ? `township.${e.associationCode.slice(6, 9)}` : 'county.admin',
      );
      if (!passed(e)) expect(e.rectificationDeadline! > e.evaluatedOn).toBe(true);
      if (e.reEvaluationOf !== null) {
        const original = byKey.get(e.reEvaluationOf)!;
        expect(original.associationCode).toBe(e.associationCode);
        expect(passed(original)).toBe(false);
        expect(e.evaluatedOn > original.evaluatedOn).toBe(true);
      }
    }
    // An association that skipped a quarter fails the activities item that year.
    for (const quarter of planted.skippedQuarters) {
      const [code, label] = quarter.split('/') as [string, string];
      if (Number(label.slice(5)) > 3) continue;
      const yearly = byKey.get(`${code}/${label.slice(0, 4)}`);
      if (yearly) expect(yearly.items.find((i) => i.code === 'ACTIVITIES')?.passed).toBe(false);
    }
  });
});

describe('demo import jobs', () => {
  it('leaves a few finished imports by the users of their region, whose errors name no personal data', () => {
    const { importJobs } = registry;
    const byName = new Map(county.users.map((u) => [u.username, u]));
    expect(importJobs.map((j) => `${j.kind} ${j.status}`)).toEqual([
      'PERSONS COMMITTED',
      'MEMBERS INVALID',
      'ACTIVITIES COMMITTED',
    ]);
    for (const job of importJobs) {
      expect(byName.get(job.createdByUsername)?.regionCode).toBe(job.regionCode);
      expect(job.fileSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(job.createdAt < job.finishedAt && job.finishedAt.slice(0, 10) <= DEMO_AS_OF).toBe(true);
      expect(job.rowsValidated + job.errors.length).toBe(job.rowsParsed);
      expect(JSON.stringify(job.errors)).not.toMatch(/\d{6,}/);
    }
    const roll = importJobs[0]!;
    expect(roll.rowsCommitted).toBe(persons.filter((p) => p.registeredRegionCode === roll.regionCode).length);
  });
});

describe('demo users', () => {
  const { users } = county;

  it('has two county admins, an auditor, an admin per township and a clerk per village', () => {
    const roles = (role: string) => users.filter((u) => u.role === role);
    expect(roles('COUNTY_ADMIN').map((u) => u.username)).toEqual(['county.admin', 'county.approver']);
    expect(roles('AUDITOR').map((u) => u.username)).toEqual(['county.auditor']);
    expect(roles('TOWNSHIP_ADMIN')).toHaveLength(regions.filter((r) => r.level === 'TOWNSHIP').length);
    expect(roles('VILLAGE_CLERK')).toHaveLength(villageCount);
  });

  it('scopes every user to an existing region of the right level, with memorable unique names', () => {
    const expectedLevel = {
      COUNTY_ADMIN: 'COUNTY',
      AUDITOR: 'COUNTY',
      TOWNSHIP_ADMIN: 'TOWNSHIP',
      VILLAGE_CLERK: 'VILLAGE',
    };
    expect(new Set(users.map((u) => u.username)).size).toBe(users.length);
    for (const user of users) {
      const region = regionByCode.get(user.regionCode);
      expect(region?.level).toBe(expectedLevel[user.role]);
      expect(user.password).toBe(DEMO_PASSWORD);
      expect(user.displayName).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
      if (user.role === 'TOWNSHIP_ADMIN')
        expect(user.username).toBe(`township.${user.regionCode.slice(6, 9)}`);
      if (user.role === 'VILLAGE_CLERK') {
        expect(user.username).toBe(`clerk.${user.regionCode.slice(6, 9)}.${user.regionCode.slice(9)}`);
      }
    }
    expect(DEMO_PASSWORD).toBe('sunshine-demo-2026');
  });
});

describe('demo policies', () => {
  const { policies, users } = county;

  it('has about 30 notices with unique, well-formed document numbers', () => {
    expect(policies.length).toBeGreaterThanOrEqual(28);
    expect(policies.length).toBeLessThanOrEqual(32);
    expect(new Set(policies.map((p) => p.documentNumber)).size).toBe(policies.length);
    for (const policy of policies) {
      const match = /^(\p{Script=Han}+)〔(\d{4})〕([1-9]\d*)号$/u.exec(policy.documentNumber);
      expect(match).not.toBeNull();
      expect(match![2]).toBe(policy.issueDate.slice(0, 4));
    }
  });

  it('spans 2019-2026, mostly published, with drafts and one withdrawn', () => {
    const years = new Set(policies.map((p) => Number(p.issueDate.slice(0, 4))));
    expect(Math.min(...years)).toBe(2019);
    expect(Math.max(...years)).toBe(2026);
    const count = (status: string) => policies.filter((p) => p.status === status).length;
    expect(count('WITHDRAWN')).toBe(1);
    expect(count('DRAFT')).toBeGreaterThanOrEqual(2);
    expect(count('PUBLISHED')).toBeGreaterThan(policies.length * 0.8);
    expect(new Set(policies.map((p) => p.category)).size).toBe(5);
  });

  it('belongs to the county or a township and is written by a user of that region', () => {
    const byName = new Map(users.map((u) => [u.username, u]));
    for (const policy of policies) {
      const region = regionByCode.get(policy.regionCode);
      expect(['COUNTY', 'TOWNSHIP']).toContain(region?.level);
      expect(byName.get(policy.authorUsername)?.regionCode).toBe(policy.regionCode);
      expect(policy.issuingBody).toContain(region!.name);
    }
    expect(policies.some((p) => regionByCode.get(p.regionCode)?.level === 'TOWNSHIP')).toBe(true);
  });

  it('has consistent dates, Markdown bodies and at most two attachments', () => {
    for (const policy of policies) {
      expect(policy.issueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(policy.issueDate))).toBe(false);
      if (policy.effectiveDate !== null) expect(policy.effectiveDate >= policy.issueDate).toBe(true);
      if (policy.expiryDate !== null) expect(policy.expiryDate > policy.issueDate).toBe(true);
      expect(policy.bodyMarkdown).toMatch(/^## /m);
      expect(policy.bodyMarkdown).toMatch(/^(- |1\. )/m);
      expect(policy.bodyMarkdown.length).toBeGreaterThan(150);
      expect(policy.attachments.length).toBeLessThanOrEqual(2);
      for (const a of policy.attachments) {
        expect(a.byteSize).toBeGreaterThan(0);
        expect(a.fileName).toMatch(/\.(docx|xlsx|pdf)$/);
      }
    }
  });

  it('contains no ID-like or phone-like numbers', () => {
    for (const policy of policies) {
      const text = JSON.stringify([policy.title, policy.bodyMarkdown, policy.attachments]);
      expect(text).not.toMatch(/\d{11}/);
    }
  });
});

describe('province scale', () => {
  const province = generateDemoCounty({ seed: 2026, scale: 'province' });

  it('has 100 counties with distinct codes under one province, the home county first', () => {
    expect(province.counties).toHaveLength(100);
    expect(new Set(province.counties.map((c) => c.code6)).size).toBe(100);
    expect(new Set(province.counties.map((c) => c.name)).size).toBe(100);
    for (const c of province.counties) expect(c.code6).toMatch(/^33\d{4}$/);
    expect(province.counties[0]).toEqual(county.counties[0]);
  });

  it('streams regions and registries whose first county is the county-scale county', () => {
    const firstRegions: DemoRegion[] = [];
    for (const region of province.regions) {
      if (firstRegions.length === regions.length) break;
      firstRegions.push(region);
    }
    expect(firstRegions).toEqual(regions);
    const [first, second] = province.parts();
    expect(first!.regions).toEqual(regions);
    // Usernames carry the county prefix at province scale; everything else is the same county.
    const firstRegistry = first!.registry();
    expect(firstRegistry.persons).toEqual(persons);
    expect(firstRegistry.households).toEqual(households);
    expect(firstRegistry.members).toEqual(members);
    expect(firstRegistry.activities).toEqual(activities);
    expect(firstRegistry.evaluations.map((e) => ({ ...e, evaluatedByUsername: '' }))).toEqual(
      evaluations.map((e) => ({ ...e, evaluatedByUsername: '' })),
    );
    expect(firstRegistry.evaluations[0]!.evaluatedByUsername).toMatch(/^330199\./);
    // Another county's residents carry its own code, so ID numbers never collide across counties.
    const code6 = second!.spec.code6;
    expect(second!.registry().persons.every((p) => p.residentId.startsWith(code6))).toBe(true);
  });

  it('gives users unique, county-qualified usernames', () => {
    expect(new Set(province.users.map((u) => u.username)).size).toBe(province.users.length);
    expect(province.users.find((u) => u.username === '330199.county.approver')?.role).toBe('COUNTY_ADMIN');
    expect(province.policies.length).toBe(county.policies.length * 100);
  });

  // Regression: town names repeat across counties, and the database refuses a second
  // (issuing body, 文号) pair, which once made `npm run seed -- --scale province` fail.
  it('gives every policy a unique issuing body and document number across the province', () => {
    const keys = province.policies.map((p) => `${p.issuingBody}|${p.documentNumber}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('streams counties in bounded memory: a finished county is garbage', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heapAfterGc = (): number => {
      gc();
      gc();
      return process.memoryUsage().heapUsed;
    };
    const parts = province.parts();
    expect(Array.isArray(parts)).toBe(false);
    const samples: number[] = [];
    let seen = 0;
    for (const part of parts) {
      expect(part.registry().persons).toHaveLength(PERSONS_PER_COUNTY);
      samples.push(heapAfterGc());
      if (++seen === 3) break;
    }
    // One county's registry is tens of MB; if counties were kept, each would add that much again.
    expect(samples.at(-1)! - samples[0]!).toBeLessThan(8 * 1024 * 1024);
  });
});

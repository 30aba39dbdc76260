import { createHash } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isMobilePhone } from '@sunshine/identifiers/mobile-phone';
import { parseResidentId } from '@sunshine/identifiers/resident-id';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type DemoCounty, generateDemoCounty } from './demo-county.ts';
import { PERSONS_PER_COUNTY } from './demo-persons.ts';
import type { DemoRegion } from './demo-regions.ts';

function fingerprint(demo: DemoCounty): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(demo.counties));
  for (const region of demo.regions) hash.update(JSON.stringify(region));
  hash.update(JSON.stringify(demo.users));
  hash.update(JSON.stringify(demo.policies));
  for (const person of demo.persons()) hash.update(JSON.stringify(person));
  return hash.digest('hex');
}

const STATISTICAL_CODE = /^\d{12}$/;
const county = generateDemoCounty({ seed: 2026, scale: 'county' });
const regions = [...county.regions];
const regionByCode = new Map(regions.map((r) => [r.code, r]));
const persons = [...county.persons()];

describe('generateDemoCounty determinism', () => {
  it('gives byte-identical output for the same seed and different output for another', () => {
    const again = fingerprint(generateDemoCounty({ seed: 2026, scale: 'county' }));
    expect(fingerprint(county)).toBe(again);
    expect(fingerprint(generateDemoCounty({ seed: 2027, scale: 'county' }))).not.toBe(again);
  });

  it('yields the same regions and persons on every pass', () => {
    expect([...county.regions]).toEqual(regions);
    expect([...county.persons()]).toEqual(persons);
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
    const children = new Map<string, DemoRegion[]>();
    for (const region of regions) {
      if (region.parentCode === null) continue;
      children.set(region.parentCode, [...(children.get(region.parentCode) ?? []), region]);
    }
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
  it('has the county-scale count and unique, valid resident IDs that agree with birth date and sex', () => {
    expect(persons).toHaveLength(PERSONS_PER_COUNTY);
    expect(new Set(persons.map((p) => p.residentId)).size).toBe(persons.length);
    for (const person of persons) {
      const parsed = parseResidentId(person.residentId);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.value.number).toBe(person.residentId);
      expect(parsed.value.regionCode).toBe('330199');
      expect(parsed.value.birthDate).toBe(person.birthDate);
      expect(parsed.value.sex).toBe(person.sex);
      expect(person.name).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
    }
  });

  it('registers everyone in a village, with valid phones and some floating population', () => {
    let floating = 0;
    for (const person of persons) {
      expect(regionByCode.get(person.registeredRegionCode)?.level).toBe('VILLAGE');
      expect(regionByCode.get(person.currentRegionCode)?.level).toBe('VILLAGE');
      if (person.currentRegionCode !== person.registeredRegionCode) floating++;
      if (person.phone !== null) expect(isMobilePhone(person.phone) && person.phone.length === 11).toBe(true);
    }
    expect(floating / persons.length).toBeGreaterThan(0.02);
    expect(floating / persons.length).toBeLessThan(0.2);
    expect(persons.filter((p) => p.phone === null).length).toBeGreaterThan(0);
    const villages = new Set(persons.map((p) => p.registeredRegionCode));
    expect(villages.size).toBe(regions.filter((r) => r.level === 'VILLAGE').length);
  });
});

describe('demo users', () => {
  const { users } = county;

  it('has two county admins, an auditor, an admin per township and a clerk per village', () => {
    const roles = (role: string) => users.filter((u) => u.role === role);
    expect(roles('COUNTY_ADMIN').map((u) => u.username)).toEqual(['county.admin', 'county.approver']);
    expect(roles('AUDITOR').map((u) => u.username)).toEqual(['county.auditor']);
    expect(roles('TOWNSHIP_ADMIN')).toHaveLength(regions.filter((r) => r.level === 'TOWNSHIP').length);
    expect(roles('VILLAGE_CLERK')).toHaveLength(regions.filter((r) => r.level === 'VILLAGE').length);
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

  it('streams regions and persons whose first county is the county-scale county', () => {
    const firstRegions: DemoRegion[] = [];
    for (const region of province.regions) {
      if (firstRegions.length === regions.length) break;
      firstRegions.push(region);
    }
    expect(firstRegions).toEqual(regions);
    const firstPersons = [];
    for (const person of province.persons()) {
      if (firstPersons.length === persons.length) break;
      firstPersons.push(person);
    }
    expect(firstPersons).toEqual(persons);
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

  it('streams persons in bounded memory', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heapAfterGc = (): number => {
      gc();
      gc();
      return process.memoryUsage().heapUsed;
    };
    const stream = province.persons();
    expect(Array.isArray(stream)).toBe(false);
    const seen = { persons: 0, counties: new Set<string>() };
    const samples: number[] = [];
    const start = heapAfterGc();
    for (const person of stream) {
      seen.persons++;
      seen.counties.add(person.residentId.slice(0, 6));
      if (seen.persons % 5_000 === 0) samples.push(heapAfterGc() - start);
      if (seen.persons === 20_000) break;
    }
    expect(seen.counties.size).toBe(Math.ceil(20_000 / PERSONS_PER_COUNTY));
    // Holding 20,000 persons would take several MB and grow with every sample; a stream holds one county.
    const growth = Math.max(...samples);
    expect(growth).toBeLessThan(4 * 1024 * 1024);
    expect(samples.at(-1)! - samples[0]!).toBeLessThan(1024 * 1024);
  });
});

import { generateResidentId } from '@sunshine/identifiers/resident-id';
import type { DemoRandom } from './demo-random.ts';
import { type DemoCountyTree, demoCountyVillages } from './demo-regions.ts';

export type DemoSex = 'MALE' | 'FEMALE';

export interface DemoPerson {
  name: string;
  residentId: string;
  sex: DemoSex;
  birthDate: string;
  phone: string | null;
  registeredRegionCode: string;
  currentRegionCode: string;
}

/** Enough to demonstrate every screen; the province scale multiplies it by the number of counties. */
export const PERSONS_PER_COUNTY = 3_000;

// Surnames weighted roughly by their frequency in Zhejiang, so rosters look plausible.
// biome-ignore format: a table reads better packed
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 9], ['李', 7], ['张', 7], ['陈', 9], ['刘', 5], ['杨', 4], ['黄', 4], ['吴', 5], ['周', 4],
  ['徐', 4], ['孙', 2], ['朱', 3], ['胡', 3], ['郑', 3], ['何', 2], ['叶', 3], ['方', 2], ['施', 2],
  ['潘', 2], ['蒋', 2], ['应', 1], ['楼', 1], ['俞', 2], ['钟', 1], ['金', 2], ['沈', 2], ['汪', 1],
  ['章', 1], ['许', 2], ['邵', 1], ['毛', 1], ['郭', 1], ['蔡', 1], ['程', 1], ['诸葛', 0.2], ['欧阳', 0.2],
];
const MALE_CHARS = [...'伟强军建国明华志勇杰斌涛峰磊超俊宏刚林平东海波鹏飞文武成家兴永春德荣福'];
const FEMALE_CHARS = [...'丽芳娟敏静燕玲红霞梅兰英萍琴雪婷秀慧颖洁莉娜珍凤琳月桂菊彩云'];
const SHARED_CHARS = [...'晓佳子一心宇欣思安然雨晨诗若梓可'];

// Birth decades weighted to resemble a rural roster: many older parents (the people reward assistance is
// for), fewer young adults who have left for the cities.
// biome-ignore format: a table reads better packed
const BIRTH_DECADES: readonly (readonly [number, number])[] = [
  [1935, 4], [1945, 9], [1955, 14], [1965, 16], [1975, 15], [1985, 13], [1995, 11], [2005, 10], [2015, 8],
];
const LAST_BIRTH_YEAR = 2024;

// Mobile prefixes of all three carriers. The numbers are random, so one may belong to a real subscriber:
// demo data must never be used to call or text anyone.
// biome-ignore format: a list reads better packed
const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153',
  '157', '158', '159', '177', '180', '181', '187', '188', '189', '191', '198', '199',
];

const FLOATING_SHARE = 0.08;

export function demoPersonName(random: DemoRandom, sex: DemoSex): string {
  const own = sex === 'MALE' ? MALE_CHARS : FEMALE_CHARS;
  const char = () => (random.chance(0.25) ? random.pick(SHARED_CHARS) : random.pick(own));
  const given = random.chance(0.8) ? char() + char() : char();
  return random.weighted(SURNAMES) + given;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function birthDate(random: DemoRandom): string {
  const decade = random.weighted(BIRTH_DECADES);
  const year = Math.min(LAST_BIRTH_YEAR, decade + random.int(0, 9));
  const month = random.int(1, 12);
  return `${year}-${pad(month, 2)}-${pad(random.int(1, daysInMonth(year, month)), 2)}`;
}

function mobilePhone(random: DemoRandom): string {
  return random.pick(MOBILE_PREFIXES) + pad(random.int(0, 99_999_999), 8);
}

/** Persons per village in proportion to its number of groups, summing to exactly `total`. */
function personsPerVillage(groupCounts: readonly number[], total: number): number[] {
  const groups = groupCounts.reduce((a, b) => a + b, 0);
  const counts = groupCounts.map((g) => Math.floor((total * g) / groups));
  let left = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % counts.length, left--) counts[i]! += 1;
  return counts;
}

/**
 * One county's persons, streamed. Only the set of this county's ID numbers is held (their region part is
 * the county code, so they cannot collide with another county's), which keeps a province run in bounded
 * memory.
 */
export function* demoCountyPersons(
  random: DemoRandom,
  tree: DemoCountyTree,
  total = PERSONS_PER_COUNTY,
): Generator<DemoPerson> {
  const rng = random.fork(`persons:${tree.spec.code6}`);
  const villageList = demoCountyVillages(tree);
  const villages = villageList.map((v) => v.region.code);
  const groupCounts = villageList.map((v) => v.groupCount);
  const counts = personsPerVillage(groupCounts, total);
  const usedIds = new Set<string>();
  for (const [v, villageCode] of villages.entries()) {
    for (let k = 0; k < counts[v]!; k++) {
      const sex: DemoSex = rng.chance(0.51) ? 'MALE' : 'FEMALE';
      const born = birthDate(rng);
      let sequence = rng.int(0, 499);
      let residentId = generateResidentId({ regionCode: tree.spec.code6, birthDate: born, sex, sequence });
      // 500 order codes per sex and day are far more than a county of thousands ever fills.
      while (usedIds.has(residentId)) {
        sequence = (sequence + 1) % 500;
        residentId = generateResidentId({ regionCode: tree.spec.code6, birthDate: born, sex, sequence });
      }
      usedIds.add(residentId);
      const age = LAST_BIRTH_YEAR + 1 - Number(born.slice(0, 4));
      const hasPhone = age >= 14 && rng.chance(age >= 75 ? 0.55 : 0.92);
      yield {
        name: demoPersonName(rng, sex),
        residentId,
        sex,
        birthDate: born,
        phone: hasPhone ? mobilePhone(rng) : null,
        registeredRegionCode: villageCode,
        currentRegionCode: rng.chance(FLOATING_SHARE) ? rng.pick(villages) : villageCode,
      };
    }
  }
}

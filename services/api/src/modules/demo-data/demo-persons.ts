import { generateResidentId } from '@sunshine/identifiers/resident-id';
import type { DemoRandom } from './demo-random.ts';

export type DemoSex = 'MALE' | 'FEMALE';
export type DemoRelation = 'HEAD' | 'SPOUSE' | 'CHILD' | 'PARENT' | 'GRANDCHILD' | 'OTHER';

export interface DemoPerson {
  name: string;
  residentId: string;
  sex: DemoSex;
  birthDate: string;
  phone: string | null;
  /** Where the person is registered (户籍地): the household's village or community. */
  registeredRegionCode: string;
  /** Where the person lives (现居地); differs for the floating population. */
  currentRegionCode: string;
  householdCode: string;
  relation: DemoRelation;
  movedAwayOn: string | null;
  deceasedOn: string | null;
}

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

// Mobile prefixes of all three carriers. The numbers are random, so one may belong to a real subscriber:
// demo data must never be used to call or text anyone.
// biome-ignore format: a list reads better packed
const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153',
  '157', '158', '159', '177', '180', '181', '187', '188', '189', '191', '198', '199',
];

export function demoSurname(random: DemoRandom): string {
  return random.weighted(SURNAMES);
}

export function demoGivenName(random: DemoRandom, sex: DemoSex): string {
  const own = sex === 'MALE' ? MALE_CHARS : FEMALE_CHARS;
  const char = () => (random.chance(0.25) ? random.pick(SHARED_CHARS) : random.pick(own));
  return random.chance(0.8) ? char() + char() : char();
}

/** A full name; children take their father's surname, so callers may pass one. */
export function demoPersonName(random: DemoRandom, sex: DemoSex, surname?: string): string {
  const given = demoGivenName(random, sex);
  return (surname ?? demoSurname(random)) + given;
}

export function demoMobilePhone(random: DemoRandom): string {
  return random.pick(MOBILE_PREFIXES) + String(random.int(0, 99_999_999)).padStart(8, '0');
}

/**
 * Issues one county's resident ID numbers. The region part of every demo ID is the county code, so
 * counties never collide; within the county the order code (GB 11643: 500 per sex and birth day) is
 * counted per birth day and sex from a random start, which keeps every number unique without holding
 * the numbers themselves.
 */
export class ResidentIdIssuer {
  readonly #regionCode: string;
  readonly #random: DemoRandom;
  readonly #issued = new Map<string, { start: number; count: number }>();

  constructor(regionCode: string, random: DemoRandom) {
    this.#regionCode = regionCode;
    this.#random = random;
  }

  issue(birthDate: string, sex: DemoSex): string {
    const key = sex === 'MALE' ? `${birthDate}M` : birthDate;
    let day = this.#issued.get(key);
    if (day === undefined) {
      day = { start: this.#random.int(0, 499), count: 0 };
      this.#issued.set(key, day);
    }
    if (day.count >= 500) throw new RangeError('more than 500 demo residents of one sex born on one day');
    const sequence = (day.start + day.count++) % 500;
    return generateResidentId({ regionCode: this.#regionCode, birthDate, sex, sequence });
  }
}

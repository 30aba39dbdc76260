/**
 * Generalisation: replace a precise quasi-identifier with a coarser one before publication.
 *
 * Age bands follow the programs' own thresholds (adult at 18; 60 is the usual entry age for
 * elderly allowances; 70 and 80 are where the advanced-age subsidies step up), so a band never
 * straddles an eligibility line: 0–17, 18–39, 40–59, 60–69, 70–79, 80+.
 */
export const AGE_BANDS = ['0–17', '18–39', '40–59', '60–69', '70–79', '80+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseIsoDate(value: string, field: string): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(value);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (
    !match ||
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  ) {
    throw new RangeError(`${field} 不是有效日期（YYYY-MM-DD） / ${field} is not a valid YYYY-MM-DD date`);
  }
  return { year, month, day };
}

/** Completed years on `onDate` (someone born on 29 February turns a year older on 1 March). */
export function ageOn(birthDate: string, onDate: string): number {
  const b = parseIsoDate(birthDate, 'birthDate');
  const d = parseIsoDate(onDate, 'onDate');
  if (birthDate > onDate) {
    throw new RangeError('birthDate 晚于 onDate / birthDate is after onDate');
  }
  const hadBirthday = d.month > b.month || (d.month === b.month && d.day >= b.day);
  return d.year - b.year - (hadBirthday ? 0 : 1);
}

/** Dates are ISO calendar dates ('YYYY-MM-DD'), free of time zones. */
export function ageBand(birthDate: string, onDate: string): AgeBand {
  const age = ageOn(birthDate, onDate);
  if (age < 18) return '0–17';
  if (age < 40) return '18–39';
  if (age < 60) return '40–59';
  if (age < 70) return '60–69';
  if (age < 80) return '70–79';
  return '80+';
}

/** Region path depths (ltree labels): 1 county, 2 township, 3 village, 4 group. */
export const TOWNSHIP_DEPTH = 2;
export const VILLAGE_DEPTH = 3;

const LTREE_PATH = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;

export function assertRegionPath(path: string): string[] {
  if (!LTREE_PATH.test(path)) {
    throw new RangeError('regionPath 不是有效的地区路径 / regionPath is not a valid region path');
  }
  return path.split('.');
}

/**
 * The finest region a program's records may be published at: the township for sensitive programs
 * (special assistance for families whose only child died or is disabled, …), the village otherwise.
 * Paths already coarser than that are returned unchanged.
 */
export function regionForProgram(path: string, sensitive: boolean): string {
  const labels = assertRegionPath(path);
  return labels.slice(0, sensitive ? TOWNSHIP_DEPTH : VILLAGE_DEPTH).join('.');
}

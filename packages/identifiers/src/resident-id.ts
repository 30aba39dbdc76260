// Resident identity card numbers (居民身份证号), GB 11643-1999: 6-digit region code, 8-digit birth date,
// 3-digit order code whose last digit is odd for men, and an ISO 7064 MOD 11-2 check character.
//
// These numbers are among the most sensitive data the system holds: nothing in this module logs, throws
// or returns an error message that contains the number or a part of it.

export type ResidentIdSex = 'MALE' | 'FEMALE';

export interface ResidentId {
  number: string;
  regionCode: string;
  birthDate: string;
  sex: ResidentIdSex;
}

export type ResidentIdInvalidReason = 'LENGTH' | 'CHARACTERS' | 'BIRTH_DATE' | 'CHECKSUM';

export type ParseResidentIdResult =
  | { ok: true; value: ResidentId }
  | { ok: false; reason: ResidentIdInvalidReason };

export interface ResidentIdClock {
  /** The day against which "born in the future" is judged; defaults to now. */
  today?: Date;
}

export interface GenerateResidentIdInput {
  /** 6 digits. */
  regionCode: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  sex: ResidentIdSex;
  /**
   * 0..499: the n-th person of this sex registered on that day in that region. The 3-digit order code is
   * 2n + 1 for men and 2n for women, so the parity always agrees with `sex`.
   */
  sequence: number;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const EARLIEST_BIRTH_YEAR = 1900;

// Ids are issued in mainland China, so "today" is the calendar day there, whatever the server's zone.
const chinaDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const FULL_WIDTH = /[\uFF10-\uFF19\uFF38\uFF58]/g;

export function normalizeResidentId(raw: string): string {
  return raw
    .trim()
    .replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/x/g, 'X');
}

export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError('residentIdCheckChar needs exactly 17 ASCII digits');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  }
  return CHECK_CHARS[sum % 11]!;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** `yyyymmdd` as 'YYYY-MM-DD' if it is a real day from 1900 up to today, otherwise null. */
function validBirthDate(yyyymmdd: string, today: Date): string | null {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < EARLIEST_BIRTH_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return null;
  }
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  // Both are zero-padded YYYY-MM-DD, so string order is date order.
  return iso > chinaDate.format(today) ? null : iso;
}

export function parseResidentId(raw: string, clock: ResidentIdClock = {}): ParseResidentIdResult {
  const number = normalizeResidentId(raw);
  if (number.length !== 18) return { ok: false, reason: 'LENGTH' };
  if (!/^\d{17}[\dX]$/.test(number)) return { ok: false, reason: 'CHARACTERS' };
  const birthDate = validBirthDate(number.slice(6, 14), clock.today ?? new Date());
  if (birthDate === null) return { ok: false, reason: 'BIRTH_DATE' };
  if (residentIdCheckChar(number.slice(0, 17)) !== number[17]) return { ok: false, reason: 'CHECKSUM' };
  return {
    ok: true,
    value: {
      number,
      regionCode: number.slice(0, 6),
      birthDate,
      sex: Number(number[16]) % 2 === 1 ? 'MALE' : 'FEMALE',
    },
  };
}

export function generateResidentId(input: GenerateResidentIdInput, clock: ResidentIdClock = {}): string {
  const { regionCode, birthDate, sex, sequence } = input;
  if (!/^\d{6}$/.test(regionCode)) throw new RangeError('regionCode must be 6 ASCII digits');
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 499) {
    throw new RangeError('sequence must be an integer from 0 to 499');
  }
  const compact = /^\d{4}-\d{2}-\d{2}$/.test(birthDate) ? birthDate.replaceAll('-', '') : '';
  if (compact === '' || validBirthDate(compact, clock.today ?? new Date()) === null) {
    throw new RangeError('birthDate must be a real YYYY-MM-DD day from 1900 up to today');
  }
  const order = String(sequence * 2 + (sex === 'MALE' ? 1 : 0)).padStart(3, '0');
  const first17 = `${regionCode}${compact}${order}`;
  return first17 + residentIdCheckChar(first17);
}

/** First 4 and last 4 characters kept, e.g. `3301**********1234`; for internal screens, not for publication. */
export function maskResidentId(number: string): string {
  const n = normalizeResidentId(number);
  if (n.length <= 8) return '*'.repeat(n.length);
  return `${n.slice(0, 4)}${'*'.repeat(n.length - 8)}${n.slice(-4)}`;
}

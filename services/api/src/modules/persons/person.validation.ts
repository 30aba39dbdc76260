import { isMobilePhone, normalizeMobilePhone } from '@sunshine/identifiers/mobile-phone';
import { parseResidentId, type ResidentId } from '@sunshine/identifiers/resident-id';
import { badInput } from '../../errors/domain-error.ts';
import { isCalendarDate, todayInChina } from '../../validation/field-checks.ts';

/**
 * Checks for person input. Every message names the field and the rule; none repeats what was
 * submitted (an ID number or a phone in an error would end up in screenshots and logs).
 */

// Control characters (tab, line breaks included: a name has none).
const CONTROL_CHARS = /\p{Cc}/u;
/** No one registered is born before this. */
const EARLIEST_PERSON_DATE = '1900-01-01';

/** A calendar day from 1900 up to today (China time). */
export function pastDate(field: string, value: string, labelZh: string, labelEn: string): string {
  if (!isCalendarDate(value, EARLIEST_PERSON_DATE)) {
    throw badInput(
      field,
      `${labelZh}不是有效日期（格式 YYYY-MM-DD）`,
      `${labelEn} is not a valid date (YYYY-MM-DD)`,
    );
  }
  if (value > todayInChina()) {
    throw badInput(field, `${labelZh}不能晚于今天`, `${labelEn} cannot be in the future`);
  }
  return value;
}

export function personName(field: string, raw: string): string {
  const name = raw.trim().normalize('NFC');
  if (name.length < 1 || name.length > 50) {
    throw badInput(field, '姓名长度应为 1–50 个字符', 'Name must be 1–50 characters long');
  }
  if (CONTROL_CHARS.test(name)) {
    throw badInput(field, '姓名含有不可见的控制字符', 'Name contains control characters');
  }
  return name;
}

const RESIDENT_ID_REASONS = {
  LENGTH: ['身份证号应为 18 位', 'The resident ID number must have 18 characters'],
  CHARACTERS: [
    '身份证号前 17 位应为数字，最后一位为数字或 X',
    'The resident ID number must be 17 digits and a digit or X',
  ],
  BIRTH_DATE: [
    '身份证号中的出生日期无效',
    'The birth date inside the resident ID number is not a valid past date',
  ],
  CHECKSUM: [
    '身份证号校验位不正确，请核对',
    'The check character of the resident ID number is wrong; please check the number',
  ],
} as const;

export function residentId(field: string, raw: string): ResidentId {
  const parsed = parseResidentId(raw);
  if (!parsed.ok) {
    const [zh, en] = RESIDENT_ID_REASONS[parsed.reason];
    throw badInput(field, zh, en);
  }
  return parsed.value;
}

/** Sex and birth date, when given, must be the ones the ID number encodes. */
export function assertAgreesWithResidentId(
  id: ResidentId,
  given: { sex?: string | null; birthDate?: string | null },
  fields: { sex: string; birthDate: string },
): void {
  if (given.sex != null && given.sex !== id.sex) {
    throw badInput(fields.sex, '性别与身份证号不一致', 'Sex does not agree with the resident ID number');
  }
  if (given.birthDate != null && given.birthDate !== id.birthDate) {
    throw badInput(
      fields.birthDate,
      '出生日期与身份证号不一致',
      'Birth date does not agree with the resident ID number',
    );
  }
}

/** A mainland mobile number, normalised (+86, spaces and hyphens dropped); empty means none. */
export function mobilePhone(field: string, raw: string | null | undefined): string | null {
  if (raw == null || raw.trim() === '') return null;
  if (!isMobilePhone(raw)) {
    throw badInput(
      field,
      '手机号格式不正确，应为 11 位大陆手机号',
      'The phone must be an 11-digit mainland mobile number',
    );
  }
  return normalizeMobilePhone(raw);
}

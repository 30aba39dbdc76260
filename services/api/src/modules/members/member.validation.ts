import { badInput } from '../../errors/domain-error.ts';
import { todayInChina } from '../../validation/field-checks.ts';
import { checkPastDate } from '../associations/association.validation.ts';
import { MEMBER_ROLES, type MemberRole } from './member.type.ts';

/** What an admin may change on a membership (association and person are fixed when it starts). */
export interface MemberFields {
  role: MemberRole;
  cardNumber: string | null;
  duesPaidYear: number | null;
  groupId: string | null;
  joinedOn: string | null;
}

export interface NewMemberFields extends MemberFields {
  associationId: string;
  personId: string;
}

// Digits, capital letters and hyphens, as printed on the card (the database keeps the same rule).
const CARD_NUMBER = /^[0-9A-Z-]{4,30}$/;

export function validateMemberFields(input: MemberFields): MemberFields {
  if (!MEMBER_ROLES.includes(input.role)) {
    throw badInput('input.role', '会员职务无效', 'Unknown member role');
  }
  const card = input.cardNumber?.trim().toUpperCase() ?? '';
  if (card !== '' && !CARD_NUMBER.test(card)) {
    throw badInput(
      'input.cardNumber',
      '会员证号应为 4–30 位数字、大写字母或连字符',
      'Card number must be 4–30 digits, capital letters or hyphens',
    );
  }
  const maxYear = Number(todayInChina().slice(0, 4)) + 1;
  if (
    input.duesPaidYear != null &&
    (!Number.isInteger(input.duesPaidYear) || input.duesPaidYear < 1980 || input.duesPaidYear > maxYear)
  ) {
    throw badInput(
      'input.duesPaidYear',
      `会费缴纳年度应在 1980–${maxYear} 之间`,
      `Dues year must be between 1980 and ${maxYear}`,
    );
  }
  const joinedOn =
    input.joinedOn == null
      ? null
      : checkPastDate('input.joinedOn', input.joinedOn, { zh: '入会日期', en: 'Joining date' });
  return {
    role: input.role,
    cardNumber: card === '' ? null : card,
    duesPaidYear: input.duesPaidYear ?? null,
    groupId: input.groupId ?? null,
    joinedOn,
  };
}

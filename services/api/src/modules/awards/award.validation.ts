import { badInput } from '../../errors/domain-error.ts';
import { requireDate, requireText, todayInChina } from '../../validation/field-checks.ts';
import { normalizeDocumentNumber } from '../policies/policy.validation.ts';
import { parseFen } from '../projects/fen-amount.ts';
import { AWARD_CATEGORIES, type AwardCategory, UNIT_CATEGORY } from './award.type.ts';

export interface AwardRoundFields {
  title: string;
  year: number;
  issuingBody: string;
  documentNumber: string;
  issuedOn: string;
}

export interface AwardRecipientFields {
  category: AwardCategory;
  citation: string;
  /** Fen as a string of digits, or null for no prize. */
  prizeFen: string | null;
  namePublicationConsent: boolean;
  consentRecordedOn: string | null;
}

export type RecipientKind = 'ASSOCIATION' | 'PERSON';

/** The bound of the table's check: a prize of at most 100,000 yuan. */
export const MAX_PRIZE_FEN = 10_000_000n;
const EARLIEST_YEAR = 1980;
const LATEST_YEAR = 2200;

// 文号 as policies write it (issuer, year in 〔〕, serial, 号), the serial without a leading zero.
const DOCUMENT_NUMBER = /^([\p{Script=Han}A-Za-z]{1,20})〔(\d{4})〕([1-9]\d{0,3})号$/u;

/** Checks and normalises a round; throws a BAD_INPUT naming the first field at fault. */
export function validateAwardRoundFields(input: AwardRoundFields): AwardRoundFields {
  const title = requireText('input.title', input.title, 2, 200, { zh: '标题', en: 'Title' });
  if (!Number.isInteger(input.year) || input.year < EARLIEST_YEAR || input.year > LATEST_YEAR) {
    throw badInput(
      'input.year',
      `表彰年度应为 ${EARLIEST_YEAR}–${LATEST_YEAR} 之间的年份`,
      `The year must be between ${EARLIEST_YEAR} and ${LATEST_YEAR}`,
    );
  }
  const issuingBody = requireText('input.issuingBody', input.issuingBody, 2, 100, {
    zh: '发文机关',
    en: 'Issuing body',
  });
  const documentNumber = normalizeDocumentNumber(input.documentNumber);
  const number = DOCUMENT_NUMBER.exec(documentNumber);
  if (!number) {
    throw badInput(
      'input.documentNumber',
      '文号格式应为“机关代字〔年份〕序号号”，例如 青计协发〔2025〕3号',
      'Document number must look like 青计协发〔2025〕3号 (issuer, year in 〔〕, serial, 号)',
    );
  }
  const issuedOn = requireDate('input.issuedOn', input.issuedOn, { zh: '发文日期', en: 'Date issued' });
  const issuedYear = Number(issuedOn.slice(0, 4));
  if (issuedYear < input.year || issuedYear > input.year + 1) {
    throw badInput(
      'input.issuedOn',
      '发文日期应在表彰年度当年或次年',
      'The date issued must fall in the year commended or the next',
    );
  }
  if (Number(number[2]) !== issuedYear) {
    throw badInput(
      'input.documentNumber',
      '文号中的年份应为发文年份',
      'The year in the document number must be the year the document was issued',
    );
  }
  return { title, year: input.year, issuingBody, documentNumber, issuedOn };
}

/** Which recipient a new row names: exactly one of an association and a person. */
export function recipientKindOf(associationId: string | null, personId: string | null): RecipientKind {
  if (associationId && personId) {
    throw badInput(
      'input.personId',
      '获表彰对象只能是一个协会或一名人员，不能同时填写',
      'A recipient is either an association or a person, not both',
    );
  }
  if (associationId) return 'ASSOCIATION';
  if (personId) return 'PERSON';
  throw badInput(
    'input.associationId',
    '请填写获表彰的协会或人员',
    'Give the association or the person commended',
  );
}

/**
 * Checks and normalises a recipient's fields for a recipient of `kind`; throws a BAD_INPUT naming the
 * first field at fault.
 */
export function validateAwardRecipientFields(
  input: AwardRecipientFields,
  kind: RecipientKind,
  today: string = todayInChina(),
): AwardRecipientFields {
  if (!AWARD_CATEGORIES.includes(input.category)) {
    throw badInput('input.category', '表彰类别无效', 'Unknown category of commendation');
  }
  if ((input.category === UNIT_CATEGORY) !== (kind === 'ASSOCIATION')) {
    throw badInput(
      'input.category',
      kind === 'ASSOCIATION' ? '协会只能获评“先进集体”' : '“先进集体”只能授予协会，个人请选其他类别',
      kind === 'ASSOCIATION'
        ? 'An association can only be an advanced unit'
        : 'Advanced unit is for associations; choose another category for a person',
    );
  }
  const citation = requireText('input.citation', input.citation, 2, 500, {
    zh: '事迹评语',
    en: 'Citation',
  });
  if (containsPersonalNumber(citation)) {
    throw badInput(
      'input.citation',
      '事迹评语将公开发布，不得包含身份证号、手机号、银行卡号等号码',
      'The citation is published, so it must not contain a resident ID, phone, bank card or similar number',
    );
  }
  const prizeFen =
    input.prizeFen == null || input.prizeFen === ''
      ? null
      : parseFen(
          'input.prizeFen',
          input.prizeFen,
          { zh: '奖金', en: 'Prize' },
          { min: 0n, max: MAX_PRIZE_FEN },
        );

  const consent = input.namePublicationConsent;
  const dated = input.consentRecordedOn != null && input.consentRecordedOn !== '';
  if (consent && kind === 'ASSOCIATION') {
    throw badInput(
      'input.namePublicationConsent',
      '公开姓名的同意只适用于个人，协会名称无需同意',
      'Consent to publish a name is for persons only; an association needs none',
    );
  }
  if (consent && !dated) {
    throw badInput(
      'input.consentRecordedOn',
      '本人同意公开全名时须填写同意登记日期',
      'Give the day the consent was recorded',
    );
  }
  if (!consent && dated) {
    throw badInput(
      'input.consentRecordedOn',
      '未同意公开全名时不填写同意日期',
      'A consent date is given only with consent',
    );
  }
  let consentRecordedOn: string | null = null;
  if (consent) {
    consentRecordedOn = requireDate('input.consentRecordedOn', input.consentRecordedOn as string, {
      zh: '同意登记日期',
      en: 'Consent date',
    });
    if (consentRecordedOn > today) {
      throw badInput(
        'input.consentRecordedOn',
        '同意登记日期不能晚于今天',
        'The consent date cannot be in the future',
      );
    }
  }
  return { category: input.category, citation, prizeFen, namePublicationConsent: consent, consentRecordedOn };
}

// Digits written in groups (1381 234 5678, 0571-8888 9999) count as one number.
const DIGIT_SEPARATORS = /(?<=\d)[\s\-‐‑–—.·()（）]+(?=\d)/gu;
// 11 digits is a mobile phone; more is an ID, a bank card or a landline with its area code. A
// citation has counts and years, never numbers this long.
const LONG_NUMBER = /\d{11,}/;

/**
 * Whether a text holds a number that identifies someone: a resident ID (18 characters, the last
 * possibly X, or the old 15 digits), a mobile or landline phone, a bank card. Full-width digits
 * count as digits.
 */
export function containsPersonalNumber(text: string): boolean {
  return LONG_NUMBER.test(text.normalize('NFKC').replace(DIGIT_SEPARATORS, ''));
}

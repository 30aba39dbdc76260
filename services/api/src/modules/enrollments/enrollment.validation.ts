import { badInput } from '../../errors/domain-error.ts';
import { requireDate, requireText, todayInChina } from '../../validation/field-checks.ts';
import {
  ENROLLMENT_KINDS,
  type EnrollmentKind,
  EVIDENCE_KINDS,
  type EvidenceKind,
} from '../programs/program-catalogue.ts';
import { EXIT_REASONS, type ExitReason } from './enrollment.type.ts';

export interface EvidenceFields {
  kind: string;
  documentNumber: string;
  issuedOn: string;
}

export interface EnrollmentFields {
  programId: string;
  personId: string;
  year: number;
  kind: string;
  exitReason?: string | null;
  evidence: EvidenceFields[];
}

export interface EvidenceItem {
  kind: EvidenceKind;
  documentNumber: string;
  issuedOn: string;
}

export interface CheckedEnrollment {
  programId: string;
  personId: string;
  year: number;
  kind: EnrollmentKind;
  exitReason: ExitReason | null;
  evidence: EvidenceItem[];
}

const MAX_EVIDENCE = 20;
/** The first year of the national reward assistance pilot; no roll is older. */
const FIRST_YEAR = 2004;
const EARLIEST_DOCUMENT = '1950-01-01';

// Digits written in groups (1381 234 5678, 3301-9919-…) count as one number.
const DIGIT_SEPARATORS = /(?<=\d)[\s\-‐‑–—.·/()（）]+(?=\d)/gu;
// 11 digits is a mobile phone; 15 or 18 an ID number (a disability certificate's number is the ID
// number and two more digits). Certificates are numbered with fewer digits, or with letters.
const LONG_NUMBER = /\d{11,}/;

/**
 * Whether a document number holds a resident ID or a phone number. Evidence numbers reach the audit
 * log only as digests, but they are still kept out: the register already holds the ID, and an
 * evidence list is no place for it.
 */
export function holdsPersonalNumber(text: string): boolean {
  return LONG_NUMBER.test(text.normalize('NFKC').replace(DIGIT_SEPARATORS, ''));
}

export function checkYear(field: string, year: number): number {
  const latest = Number(todayInChina().slice(0, 4)) + 1;
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > latest) {
    throw badInput(
      field,
      `年度应为 ${FIRST_YEAR}–${latest} 年`,
      `The year must be from ${FIRST_YEAR} to ${latest}`,
    );
  }
  return year;
}

/** Checks a submission's own fields; the program's requirements are checked by the service. */
export function validateEnrollmentFields(input: EnrollmentFields): CheckedEnrollment {
  const year = checkYear('input.year', input.year);
  if (!(ENROLLMENT_KINDS as readonly string[]).includes(input.kind)) {
    throw badInput('input.kind', '申报类别无效', 'Unknown kind of enrollment');
  }
  const kind = input.kind as EnrollmentKind;
  let exitReason: ExitReason | null = null;
  if (kind === 'EXITED') {
    if (!input.exitReason || !(EXIT_REASONS as readonly string[]).includes(input.exitReason)) {
      throw badInput(
        'input.exitReason',
        '退出须注明原因：死亡、不再符合条件或迁出',
        'An exit needs a reason: death, ineligible or moved',
      );
    }
    exitReason = input.exitReason as ExitReason;
  } else if (input.exitReason) {
    throw badInput('input.exitReason', '只有退出才填写退出原因', 'Only an exit has an exit reason');
  }
  if (input.evidence.length > MAX_EVIDENCE) {
    throw badInput(
      'input.evidence',
      `证明材料最多 ${MAX_EVIDENCE} 份`,
      `At most ${MAX_EVIDENCE} pieces of evidence`,
    );
  }
  const seen = new Set<string>();
  const evidence = input.evidence.map((item, index): EvidenceItem => {
    const field = `input.evidence[${index}]`;
    if (!(EVIDENCE_KINDS as readonly string[]).includes(item.kind)) {
      throw badInput(`${field}.kind`, '证明材料类别无效', 'Unknown kind of evidence');
    }
    if (seen.has(item.kind)) {
      throw badInput(`${field}.kind`, '同一种证明材料只填写一次', 'Each kind of evidence is given once');
    }
    seen.add(item.kind);
    const documentNumber = requireText(`${field}.documentNumber`, item.documentNumber, 1, 60, {
      zh: '证件或文书编号',
      en: 'Document number',
    });
    if (holdsPersonalNumber(documentNumber)) {
      throw badInput(
        `${field}.documentNumber`,
        '证件编号不得包含身份证号、手机号等个人号码；以身份证号编号的证件（如残疾人证）请填写发证机关的登记号',
        'A document number must not hold an ID, phone or similar personal number; for certificates numbered by the ID (such as the disability certificate) give the issuer’s registration number',
      );
    }
    const issuedOn = requireDate(
      `${field}.issuedOn`,
      item.issuedOn,
      { zh: '出具日期', en: 'Issue date' },
      { notInFuture: true, notBefore1980: false },
    );
    if (issuedOn < EARLIEST_DOCUMENT) {
      throw badInput(`${field}.issuedOn`, '出具日期不能早于 1950 年', 'The issue date cannot be before 1950');
    }
    return { kind: item.kind as EvidenceKind, documentNumber, issuedOn };
  });
  return { programId: input.programId, personId: input.personId, year, kind, exitReason, evidence };
}

export function requireReason(field: string, reason: string, label: { zh: string; en: string }): string {
  return requireText(field, reason, 2, 500, label);
}

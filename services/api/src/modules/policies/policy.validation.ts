import { badInput } from '../../errors/domain-error.ts';
import { CONTROL_CHARS, isCalendarDate } from '../../validation/field-checks.ts';
import { POLICY_CATEGORIES, type PolicyAttachment, type PolicyCategory } from './policy.entity.ts';

export interface PolicyFields {
  title: string;
  documentNumber: string;
  issuingBody: string;
  regionCode: string;
  category: PolicyCategory;
  issueDate: string;
  effectiveDate: string | null;
  expiryDate: string | null;
  bodyMarkdown: string;
  attachments: PolicyAttachment[];
}

// 文号: issuer abbreviation, year in 〔〕, serial number, 号. Other bracket shapes are normalised.
const DOCUMENT_NUMBER = /^([\p{Script=Han}A-Za-z]{1,20})〔(\d{4})〕(\d{1,4})号$/u;
const MEDIA_TYPE = /^[a-z]+\/[a-z0-9.+-]{1,100}$/;
const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;
/** Policies are dated from the founding of the People's Republic. */
const EARLIEST_POLICY_DATE = '1949-01-01';

export function normalizeDocumentNumber(raw: string): string {
  return raw
    .trim()
    .replace(/[[［(（〔【]\s*(\d{4})\s*[\]］)）〕】]/u, '〔$1〕')
    .replace(/\s+/g, '');
}

function text(
  field: string,
  value: string,
  min: number,
  max: number,
  labelZh: string,
  labelEn: string,
): string {
  const trimmed = value.trim().normalize('NFC');
  if (trimmed.length < min || trimmed.length > max) {
    throw badInput(
      field,
      `${labelZh}长度应为 ${min}–${max} 个字符`,
      `${labelEn} must be ${min}–${max} characters long`,
    );
  }
  if (CONTROL_CHARS.test(trimmed)) {
    throw badInput(field, `${labelZh}含有不可见的控制字符`, `${labelEn} contains control characters`);
  }
  return trimmed;
}

function date(field: string, value: string, labelZh: string, labelEn: string): string {
  if (!isCalendarDate(value, EARLIEST_POLICY_DATE)) {
    throw badInput(
      field,
      `${labelZh}不是有效日期（格式 YYYY-MM-DD）`,
      `${labelEn} is not a valid date (YYYY-MM-DD)`,
    );
  }
  return value;
}

/** Checks and normalises every field; throws a BAD_INPUT naming the first field at fault. */
export function validatePolicyFields(input: PolicyFields): PolicyFields {
  const title = text('input.title', input.title, 2, 200, '标题', 'Title');
  const documentNumber = normalizeDocumentNumber(input.documentNumber);
  const numberMatch = DOCUMENT_NUMBER.exec(documentNumber);
  if (!numberMatch) {
    throw badInput(
      'input.documentNumber',
      '文号格式应为“机关代字〔年份〕序号号”，例如 青计协〔2024〕5号',
      'Document number must look like 青计协〔2024〕5号 (issuer, year in 〔〕, serial, 号)',
    );
  }
  const issuingBody = text('input.issuingBody', input.issuingBody, 2, 100, '发文机关', 'Issuing body');
  if (!POLICY_CATEGORIES.includes(input.category)) {
    throw badInput('input.category', '类别无效', 'Unknown category');
  }
  const issueDate = date('input.issueDate', input.issueDate, '发文日期', 'Issue date');
  if (numberMatch[2] !== issueDate.slice(0, 4)) {
    throw badInput(
      'input.documentNumber',
      '文号中的年份与发文日期不一致',
      "The document number's year differs from the issue date",
    );
  }
  const effectiveDate =
    input.effectiveDate === null
      ? null
      : date('input.effectiveDate', input.effectiveDate, '生效日期', 'Effective date');
  const expiryDate =
    input.expiryDate === null ? null : date('input.expiryDate', input.expiryDate, '失效日期', 'Expiry date');
  if (effectiveDate && effectiveDate < issueDate) {
    throw badInput(
      'input.effectiveDate',
      '生效日期不能早于发文日期',
      'Effective date cannot precede the issue date',
    );
  }
  if (expiryDate && expiryDate < (effectiveDate ?? issueDate)) {
    throw badInput(
      'input.expiryDate',
      '失效日期不能早于生效日期',
      'Expiry date cannot precede the effective date',
    );
  }
  const bodyMarkdown = validateBodyMarkdown(input.bodyMarkdown);
  if (input.attachments.length > 20) {
    throw badInput('input.attachments', '附件不能超过 20 个', 'At most 20 attachments');
  }
  const attachments = input.attachments.map((attachment, index) => {
    const field = `input.attachments[${index}]`;
    const fileName = text(
      `${field}.fileName`,
      attachment.fileName,
      1,
      200,
      '附件文件名',
      'Attachment file name',
    );
    if (/[\\/]/.test(fileName)) {
      throw badInput(
        `${field}.fileName`,
        '附件文件名不能包含路径',
        'Attachment file name cannot contain a path',
      );
    }
    if (!MEDIA_TYPE.test(attachment.mediaType)) {
      throw badInput(`${field}.mediaType`, '附件类型无效', 'Attachment media type is invalid');
    }
    if (
      !Number.isInteger(attachment.byteSize) ||
      attachment.byteSize < 1 ||
      attachment.byteSize > MAX_ATTACHMENT_BYTES
    ) {
      throw badInput(
        `${field}.byteSize`,
        '附件大小应在 1 字节到 50 MB 之间',
        'Attachment size must be 1 byte to 50 MB',
      );
    }
    return { fileName, mediaType: attachment.mediaType, byteSize: attachment.byteSize };
  });
  return {
    title,
    documentNumber,
    issuingBody,
    regionCode: input.regionCode,
    category: input.category,
    issueDate,
    effectiveDate,
    expiryDate,
    bodyMarkdown,
    attachments,
  };
}

/** A policy body as stored and rendered: at most 100,000 characters, not blank, no control characters, NFC. */
export function validateBodyMarkdown(raw: string): string {
  if (raw.length > 100_000) {
    throw badInput(
      'input.bodyMarkdown',
      '正文不能超过 100,000 个字符',
      'Body cannot exceed 100,000 characters',
    );
  }
  const bodyMarkdown = raw.normalize('NFC');
  if (bodyMarkdown.trim().length === 0) {
    throw badInput('input.bodyMarkdown', '正文不能为空', 'Body cannot be empty');
  }
  // Tabs and line breaks are fine in a body; NUL and other controls are not (PostgreSQL refuses NUL).
  if (CONTROL_CHARS.test(bodyMarkdown)) {
    throw badInput('input.bodyMarkdown', '正文含有不可见的控制字符', 'Body contains control characters');
  }
  return bodyMarkdown;
}

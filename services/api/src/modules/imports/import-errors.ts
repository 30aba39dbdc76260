import { type ImportLimits, mebibytes } from './import-limits.ts';

/**
 * The errors an import reports. A message says where (row, column) and what is wrong, never what the
 * cell held: an error report is passed around by e-mail and chat, and must carry no personal data.
 */
export type RowErrorCode =
  | 'REQUIRED'
  | 'TEXT_LENGTH'
  | 'CONTROL_CHARACTERS'
  | 'ID_NUMBER_NOT_TEXT'
  | 'ID_INVALID_LENGTH'
  | 'ID_INVALID_CHARACTERS'
  | 'ID_INVALID_BIRTH_DATE'
  | 'ID_INVALID_CHECKSUM'
  | 'SEX_MISMATCH'
  | 'BIRTH_DATE_MISMATCH'
  | 'INVALID_DATE'
  | 'INVALID_PHONE'
  | 'INVALID_CHOICE'
  | 'INVALID_INTEGER'
  | 'OUT_OF_RANGE'
  | 'INVALID_REGION_CODE'
  | 'REGION_NOT_IN_SCOPE'
  | 'REGION_LEVEL'
  | 'INVALID_HOUSEHOLD_CODE'
  | 'HOUSEHOLD_NOT_IN_SCOPE'
  | 'HOUSEHOLD_VILLAGE_MISMATCH'
  | 'HOUSEHOLD_CONFLICT'
  | 'HOUSEHOLD_TWO_HEADS'
  | 'HOUSEHOLD_CODE_MISSING'
  | 'HOUSEHOLD_WITHOUT_RELATION'
  | 'DUPLICATE_IN_FILE'
  | 'REGISTERED_ELSEWHERE'
  | 'PERSON_NOT_FOUND'
  | 'ASSOCIATION_NOT_FOUND'
  | 'INVALID_CARD_NUMBER'
  | 'CARD_NUMBER_TAKEN'
  | 'HOUSEHOLD_NOT_FOUND';

export type FileErrorCode =
  | 'FILE_TOO_LARGE'
  | 'FILE_EMPTY'
  | 'TOO_MANY_ROWS'
  | 'TOO_MANY_COLUMNS'
  | 'XLSX_TOO_LARGE_UNCOMPRESSED'
  | 'XLSX_COMPRESSION_RATIO'
  | 'XLSX_INVALID'
  | 'XLS_UNSUPPORTED'
  | 'NO_WORKSHEET'
  | 'CSV_MALFORMED'
  | 'MISSING_COLUMN'
  | 'DUPLICATE_COLUMN'
  | 'NO_DATA_ROWS'
  | 'FILE_CHANGED'
  | 'FILE_GONE'
  | 'CARD_NUMBER_TAKEN_ELSEWHERE';

export type ImportErrorCode = RowErrorCode | FileErrorCode;

export interface ImportRowError {
  /** The row as the spreadsheet numbers it (the header is row 1); null for the whole file. */
  row: number | null;
  /** The column's header as written in the file (or the template's header); null for a whole row. */
  column: string | null;
  code: ImportErrorCode;
  messageZh: string;
  messageEn: string;
}

/** Extra words a message may need; never a cell's content. */
export interface ErrorDetail {
  /** Allowed values, e.g. 户主、配偶、子女. */
  choices?: readonly string[];
  min?: number;
  max?: number;
  /** Another row the error concerns (a duplicate's twin). */
  otherRows?: readonly number[];
  limits?: ImportLimits;
  /** A required column missing from the header. */
  header?: string;
}

type Messages = (detail: ErrorDetail) => [zh: string, en: string];

const twins = (d: ErrorDetail): [string, string] =>
  d.otherRows && d.otherRows.length > 0
    ? [
        `（另见第 ${d.otherRows.slice(0, 5).join('、')} 行）`,
        ` (see also row ${d.otherRows.slice(0, 5).join(', ')})`,
      ]
    : ['', ''];

const MESSAGES: Record<ImportErrorCode, Messages> = {
  REQUIRED: () => ['必填项为空', 'This cell is required'],
  TEXT_LENGTH: (d) => [`长度应为 ${d.min}–${d.max} 个字符`, `Must be ${d.min}–${d.max} characters long`],
  CONTROL_CHARACTERS: () => ['含有不可见的控制字符', 'Contains invisible control characters'],
  ID_NUMBER_NOT_TEXT: () => [
    '身份证号被存成了数字（可能已被科学计数法截断）：请将该列设置为“文本”格式后重新填写',
    'The ID number was stored as a number (Excel may have truncated it): format the column as Text and enter the numbers again',
  ],
  ID_INVALID_LENGTH: () => ['身份证号应为 18 位', 'An ID number has 18 characters'],
  ID_INVALID_CHARACTERS: () => [
    '身份证号应为 17 位数字加 1 位数字或 X',
    'An ID number is 17 digits followed by a digit or X',
  ],
  ID_INVALID_BIRTH_DATE: () => [
    '身份证号中的出生日期无效',
    'The birth date coded in the ID number is not a valid date',
  ],
  ID_INVALID_CHECKSUM: () => [
    '身份证号校验位不正确，请核对',
    'The ID number’s check character is wrong; please check the number',
  ],
  SEX_MISMATCH: () => ['性别与身份证号不一致', 'The sex does not agree with the ID number'],
  BIRTH_DATE_MISMATCH: () => ['出生日期与身份证号不一致', 'The birth date does not agree with the ID number'],
  INVALID_DATE: () => ['日期无效，应为 YYYY-MM-DD', 'Not a valid date; write YYYY-MM-DD'],
  INVALID_PHONE: () => ['手机号应为 11 位大陆手机号码', 'Not an 11-digit mainland mobile number'],
  INVALID_CHOICE: (d) => [
    `取值无效，应为：${(d.choices ?? []).join('、')}`,
    `Not an allowed value; use one of: ${(d.choices ?? []).join(', ')}`,
  ],
  INVALID_INTEGER: () => ['应为整数', 'Must be a whole number'],
  OUT_OF_RANGE: (d) => [`应在 ${d.min}–${d.max} 之间`, `Must be between ${d.min} and ${d.max}`],
  INVALID_REGION_CODE: () => [
    '区划代码格式无效（12 位数字，村民小组为 12 位数字-2 位序号）',
    'Not a region code (12 digits; a villager group adds a hyphen and 2 digits)',
  ],
  REGION_NOT_IN_SCOPE: () => [
    '区划不存在或不在您的管辖范围内',
    'Region not found or outside your jurisdiction',
  ],
  REGION_LEVEL: () => [
    '户籍地和现居地应为村（社区）或村民小组',
    'The registered and current regions must be a village (community) or a villager group',
  ],
  INVALID_HOUSEHOLD_CODE: () => [
    '户编号格式应为：12 位村代码-4 位序号',
    'A household number is the 12-digit village code, a hyphen and 4 digits',
  ],
  HOUSEHOLD_NOT_IN_SCOPE: () => [
    '户编号所属村不存在或不在您的管辖范围内',
    'The household number’s village is not found or outside your jurisdiction',
  ],
  HOUSEHOLD_VILLAGE_MISMATCH: () => [
    '户编号所属村与户籍地不一致',
    'The household number’s village is not the registered region’s village',
  ],
  HOUSEHOLD_CONFLICT: (d) => {
    const [zh, en] = twins(d);
    return [`同一户的各行填写不一致${zh}`, `Rows of the same household disagree${en}`];
  },
  HOUSEHOLD_TWO_HEADS: (d) => {
    const [zh, en] = twins(d);
    return [`同一户只能有一位户主${zh}`, `A household has one head only${en}`];
  },
  HOUSEHOLD_CODE_MISSING: () => [
    '填写了户的信息（与户主关系、计生户类型或困难家庭），但没有填写户编号',
    'Household details (relation, planning status, difficulty) are given without a household number',
  ],
  HOUSEHOLD_WITHOUT_RELATION: () => [
    '填写了户编号，但没有填写与户主关系',
    'A household number is given without the relation to the head',
  ],
  DUPLICATE_IN_FILE: (d) => {
    const [zh, en] = twins(d);
    return [`文件中重复${zh}`, `Appears more than once in the file${en}`];
  },
  REGISTERED_ELSEWHERE: () => ['已在其他辖区登记', 'already registered in another jurisdiction'],
  PERSON_NOT_FOUND: () => [
    '人员不存在或不在您的管辖范围内，请先导入人员',
    'Person not found or outside your jurisdiction; import the person first',
  ],
  ASSOCIATION_NOT_FOUND: () => [
    '协会不存在或不在您的管辖范围内',
    'Association not found or outside your jurisdiction',
  ],
  INVALID_CARD_NUMBER: () => [
    '会员证号应为 4–30 位数字、大写字母或连字符',
    'A card number is 4–30 digits, capital letters or hyphens',
  ],
  CARD_NUMBER_TAKEN: () => ['会员证号已被其他会员使用', 'The card number is used by another member'],
  HOUSEHOLD_NOT_FOUND: () => [
    '联系户不存在或不在您的管辖范围内',
    'A contact household is not found or outside your jurisdiction',
  ],

  FILE_TOO_LARGE: (d) => [
    `文件超过 ${mebibytes(d.limits?.maxFileBytes ?? 0)}，请分成几个文件导入`,
    `The file exceeds ${mebibytes(d.limits?.maxFileBytes ?? 0)}; split it into several files`,
  ],
  FILE_EMPTY: () => ['文件是空的', 'The file is empty'],
  TOO_MANY_ROWS: (d) => [
    `文件超过 ${d.limits?.maxRows} 行数据，请分成几个文件导入`,
    `The file has more than ${d.limits?.maxRows} data rows; split it into several files`,
  ],
  TOO_MANY_COLUMNS: (d) => [
    `表头超过 ${d.limits?.maxColumns} 列`,
    `The header has more than ${d.limits?.maxColumns} columns`,
  ],
  XLSX_TOO_LARGE_UNCOMPRESSED: (d) => [
    `XLSX 文件解压后超过 ${mebibytes(d.limits?.maxUncompressedBytes ?? 0)}，已拒绝`,
    `The XLSX file expands beyond ${mebibytes(d.limits?.maxUncompressedBytes ?? 0)}; refused`,
  ],
  XLSX_COMPRESSION_RATIO: () => [
    'XLSX 文件的压缩比异常（疑似压缩炸弹），已拒绝',
    'The XLSX file’s compression ratio is implausible (a zip bomb?); refused',
  ],
  XLSX_INVALID: () => [
    '无法读取 XLSX 文件，请用 Excel 或 WPS 另存为 .xlsx 或 .csv 后重试',
    'The XLSX file cannot be read; save it again as .xlsx or .csv from Excel or WPS',
  ],
  XLS_UNSUPPORTED: () => [
    '不支持旧版 Excel（.xls）文件，请另存为 .xlsx 或 .csv 后重试',
    'Old Excel (.xls) files are not supported; save as .xlsx or .csv and try again',
  ],
  NO_WORKSHEET: () => ['XLSX 文件中没有工作表', 'The XLSX file has no worksheet'],
  CSV_MALFORMED: () => [
    'CSV 格式错误（如引号未闭合），请检查该行',
    'Malformed CSV (for example an unclosed quote) at this row',
  ],
  MISSING_COLUMN: (d) => [`缺少必需的列：${d.header}`, `A required column is missing: ${d.header}`],
  DUPLICATE_COLUMN: (d) => [`表头中列重复：${d.header}`, `A column appears twice in the header: ${d.header}`],
  NO_DATA_ROWS: () => ['文件中没有数据行', 'The file has no data rows'],
  FILE_CHANGED: () => [
    '上传的文件已被改动，请重新上传',
    'The uploaded file has changed since it was checked; upload it again',
  ],
  FILE_GONE: () => [
    '上传的文件已不在服务器上（可能已过期），请重新上传',
    'The uploaded file is no longer on the server (it may have expired); upload it again',
  ],
  CARD_NUMBER_TAKEN_ELSEWHERE: () => [
    '会员证号已被其他辖区的会员使用，请核对',
    'The card number is already used by a member in another jurisdiction; check it',
  ],
};

export function rowError(
  row: number | null,
  column: string | null,
  code: ImportErrorCode,
  detail: ErrorDetail = {},
): ImportRowError {
  const [messageZh, messageEn] = MESSAGES[code](detail);
  return { row, column, code, messageZh, messageEn };
}

/** A problem with the whole file: the import stops at once. */
export class ImportFileError extends Error {
  readonly error: ImportRowError;

  constructor(code: FileErrorCode, detail: ErrorDetail = {}, row: number | null = null) {
    const error = rowError(row, null, code, detail);
    super(`${error.messageZh} / ${error.messageEn}`);
    this.name = 'ImportFileError';
    this.error = error;
  }

  get code(): ImportErrorCode {
    return this.error.code;
  }
}

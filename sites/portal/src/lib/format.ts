import { TIME_ZONE } from '../consts.ts';
import { remembered } from './remembered.ts';

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

// Remembered: a build shows a handful of instants (run and approval times) on thousands of pages.
/** An instant as Beijing time, e.g. `2025-05-19 10:30（北京时间）`, whatever the build machine's zone. */
export const formatDateTime = remembered((iso: string): string => {
  const parts = Object.fromEntries(dateTime.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}（北京时间）`;
});

/** A calendar date `2025-03-10` as `2025年3月10日`; it has no zone, so none is applied. */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** Bytes as KB with one decimal, as residents see it on the notice board. */
export function formatKilobytes(bytes: number): string {
  return `${(bytes / 1024).toLocaleString('zh-CN', { maximumFractionDigits: 1 })} KB`;
}

/**
 * The first characters of a hash, for reading and comparing by eye (the full hash is beside it in a
 * title or data attribute). Ten, not twelve: a random hash prefix of 11+ characters can be a letter and
 * eleven digits (`a13912345678`), which reads as a mobile number, and the leak scan rightly refuses it; no
 * ten characters can hold any identifier the scan looks for.
 */
export const SHORT_HASH_LENGTH = 10;

export function shortHash(sha256: string): string {
  return sha256.slice(0, SHORT_HASH_LENGTH);
}

const MEDIA_TYPE_NAMES: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF 文档',
  'application/msword': 'Word 文档',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word 文档',
  'application/vnd.ms-excel': 'Excel 表格',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel 表格',
  'application/zip': '压缩包',
  'image/jpeg': '图片',
  'image/png': '图片',
  'text/plain': '文本',
};

/** A media type in words residents know; the raw type stays available for a title attribute. */
export function describeMediaType(mediaType: string): string {
  return MEDIA_TYPE_NAMES[mediaType.toLowerCase()] ?? mediaType;
}

/** Fen (a digit string) as yuan with thousands separators: `96000` → `960`, `12345` → `123.45`. */
export function fenToYuanText(fen: string | number | bigint): string {
  const value = BigInt(fen);
  const yuan = (value / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = value % 100n;
  return cents === 0n ? yuan : `${yuan}.${cents.toString().padStart(2, '0')}`;
}

/** Fen as a number of yuan, for chart bar lengths only (never for display). */
export function fenToYuanNumber(fen: string | number | bigint): number {
  return Number(BigInt(fen)) / 100;
}

/** A plain count with thousands separators. */
const countFormat = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  // Counts are whole numbers: grouped by hand, which is many times cheaper than Intl on every table cell.
  if (Number.isSafeInteger(n)) {
    const digits = String(Math.abs(n));
    const head = digits.length % 3 || 3;
    let grouped = digits.slice(0, head);
    for (let i = head; i < digits.length; i += 3) grouped += `,${digits.slice(i, i + 3)}`;
    return n < 0 ? `-${grouped}` : grouped;
  }
  return countFormat.format(n);
}

// Finds direct identifiers in a byte view of a file: a string holding one character per byte (Node's
// 'latin1' decoding), so a string index IS a byte offset. ASCII digits never occur inside a multi-byte UTF-8
// sequence, so digit runs found here are exactly the digit runs of the UTF-8 text.
//
// Rules (see scan-for-leaks.ts for the whole list):
// - a candidate is a maximal run of ASCII digits, i.e. never a part of a longer digit run;
// - the fractional part of a decimal number (`0.13800138000`) and digit runs inside a UUID or inside a long
//   hexadecimal hash (32+ hex characters with a letter) are not candidates;
// - RESIDENT_ID: 18 digits, or 17 digits followed by X/x, with a real
//   birth date and a valid GB 11643 check character. 15-digit pre-1999 numbers carry no check digit, so they
//   cannot be told apart from other numbers and are not detected as ids;
// - MOBILE: 11 digits 1[3-9]…, also with a 86 / 0086 country code glued on (13 / 15 digits) and in the
//   spaced or hyphenated 3-4-4 form (138 0013 8000);
// - CARD: 13 to 19 digits passing Luhn, unless the run is already a resident id or a mobile, and unless it
//   is a 13-digit run in the range of millisecond timestamps from 2000 to 2100.
//
// Nothing here returns or logs the digits themselves: only offsets and kinds.

import { isLuhnValid } from '@sunshine/identifiers/luhn';
import { parseResidentId } from '@sunshine/identifiers/resident-id';

export type IdentifierLeakKind = 'RESIDENT_ID' | 'MOBILE' | 'CARD';

export interface IdentifierLeak {
  /** Index in the byte view: the first byte of the leaked value. */
  index: number;
  kind: IdentifierLeakKind;
}

const DIGIT_RUN = /[0-9]{11,}/g;
const SPACED_MOBILE = /(?<![0-9])1[3-9][0-9][ -][0-9]{4}[ -][0-9]{4}(?![0-9])/g;
const MOBILE = /^1[3-9][0-9]{9}$/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const MIN_HASH_LENGTH = 32;
const TIMESTAMP_MS_2000 = 946_684_800_000;
const TIMESTAMP_MS_2100 = 4_102_444_800_000;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isHexChar(code: number): boolean {
  return isDigit(code) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

function isHexOrDash(code: number): boolean {
  return isHexChar(code) || code === 45;
}

/** True when the digit run [start, end) is a piece of a UUID or of a long hex hash such as a sha256. */
function insideHexToken(view: string, start: number, end: number): boolean {
  let left = start;
  while (left > 0 && isHexChar(view.charCodeAt(left - 1))) left--;
  let right = end;
  while (right < view.length && isHexChar(view.charCodeAt(right))) right++;
  if (left === start && right === end) return false;
  const token = view.slice(left, right);
  if (token.length >= MIN_HASH_LENGTH && /[a-f]/i.test(token)) return true;
  // A UUID: widen over hex characters and dashes, then look for a UUID covering the run.
  let wideLeft = start;
  while (wideLeft > 0 && start - wideLeft < 36 && isHexOrDash(view.charCodeAt(wideLeft - 1))) wideLeft--;
  let wideRight = end;
  while (wideRight < view.length && wideRight - end < 36 && isHexOrDash(view.charCodeAt(wideRight))) {
    wideRight++;
  }
  const wide = view.slice(wideLeft, wideRight);
  for (const uuid of wide.matchAll(UUID)) {
    const from = wideLeft + uuid.index;
    if (from <= start && end <= from + 36) return true;
  }
  return false;
}

function isResidentId(digits: string): boolean {
  return parseResidentId(digits).ok;
}

function classifyRun(digits: string): { kind: IdentifierLeakKind; skip: number } | null {
  const n = digits.length;
  if (n === 18 && isResidentId(digits)) return { kind: 'RESIDENT_ID', skip: 0 };
  if (n === 11 && MOBILE.test(digits)) return { kind: 'MOBILE', skip: 0 };
  if (n === 13 && digits.startsWith('86') && MOBILE.test(digits.slice(2))) return { kind: 'MOBILE', skip: 2 };
  if (n === 15 && digits.startsWith('0086') && MOBILE.test(digits.slice(4))) {
    return { kind: 'MOBILE', skip: 4 };
  }
  if (n >= 13 && n <= 19 && isLuhnValid(digits)) {
    if (n === 13) {
      const value = Number(digits);
      if (value >= TIMESTAMP_MS_2000 && value < TIMESTAMP_MS_2100) return null;
    }
    return { kind: 'CARD', skip: 0 };
  }
  return null;
}

export function findIdentifierLeaks(view: string): IdentifierLeak[] {
  const leaks: IdentifierLeak[] = [];
  DIGIT_RUN.lastIndex = 0;
  for (let match = DIGIT_RUN.exec(view); match !== null; match = DIGIT_RUN.exec(view)) {
    const start = match.index;
    const end = start + match[0].length;
    if (start >= 2 && view.charCodeAt(start - 1) === 46 && isDigit(view.charCodeAt(start - 2))) continue;
    if (insideHexToken(view, start, end)) continue;
    const next = view.charCodeAt(end);
    if (end - start === 17 && (next === 88 || next === 120) && isResidentId(`${match[0]}X`)) {
      leaks.push({ index: start, kind: 'RESIDENT_ID' });
      continue;
    }
    const found = classifyRun(match[0]);
    if (found !== null) leaks.push({ index: start + found.skip, kind: found.kind });
  }
  SPACED_MOBILE.lastIndex = 0;
  for (let match = SPACED_MOBILE.exec(view); match !== null; match = SPACED_MOBILE.exec(view)) {
    // A UUID's groups can read as 3-4-4 (…e153-4612-9828…): the demo's first build hit exactly that.
    if (insideHexToken(view, match.index, match.index + match[0].length)) continue;
    leaks.push({ index: match.index, kind: 'MOBILE' });
  }
  return leaks;
}

// Mainland China mobile numbers: 11 digits starting 13-19. People write them with a country code and
// with spaces or hyphens, so input is cleaned before it is judged.

const SEPARATORS = /[\s\-\u2010-\u2015\u2212\uFF0D()（）]/g;
const FULL_WIDTH_DIGITS = /[\uFF10-\uFF19\uFF0B]/g;
const MOBILE = /^1[3-9]\d{9}$/;

/**
 * Strips separators and a +86 / 0086 / 86 country code, turning full-width digits into ASCII. The result
 * is not validated: use `isMobilePhone` for that.
 */
export function normalizeMobilePhone(raw: string): string {
  const compact = raw
    .trim()
    .replace(FULL_WIDTH_DIGITS, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(SEPARATORS, '');
  // Only drop a bare "86" when eleven digits remain, so that no 11-digit number starting 86 is mangled.
  const match = /^(?:\+86|0086|86)(\d{11})$/.exec(compact);
  return match ? match[1]! : compact;
}

export function isMobilePhone(raw: string): boolean {
  return MOBILE.test(normalizeMobilePhone(raw));
}

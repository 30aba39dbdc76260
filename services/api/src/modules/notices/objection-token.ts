/**
 * The objection token as people see it: the stored 32 hex digits with every digit written as a
 * letter (0→g … 9→p). A token made of digits and letters can hold a run of 11 digits that reads as a
 * mobile number, or 16 that pass the Luhn check; the portal's leak scan would rightly stop any page
 * carrying one. Letters only, the token still names exactly one enrollment and nothing about it.
 */
const DIGIT_LETTERS = 'ghijklmnop';

export function publicObjectionToken(stored: string): string {
  return stored.replace(/[0-9]/g, (digit) => DIGIT_LETTERS[Number(digit)] as string);
}

/** The stored form of a token as a resident gives it back: either form, any case, spaces ignored. */
export function storedObjectionToken(given: string): string {
  return given
    .replace(/\s+/g, '')
    .toLowerCase()
    .replace(/[g-p]/g, (letter) => String(DIGIT_LETTERS.indexOf(letter)));
}

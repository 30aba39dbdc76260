// Values the leak-scan tests plant in files. They are synthetic (valid checksums, nobody's real number).

import { isLuhnValid, withLuhnCheckDigit } from '@sunshine/identifiers/luhn';
import { generateResidentId } from '@sunshine/identifiers/resident-id';

/** A synthetic card number: `body` and its Luhn check digit. */
export const luhnComplete = withLuhnCheckDigit;

export const RESIDENT_ID = generateResidentId({
  regionCode: '330102',
  birthDate: '1985-03-14',
  sex: 'FEMALE',
  sequence: 7,
});

/** A valid id whose check character is X. */
export const RESIDENT_ID_X = (() => {
  for (let sequence = 0; sequence < 500; sequence++) {
    const id = generateResidentId({ regionCode: '330102', birthDate: '1990-07-01', sex: 'MALE', sequence });
    if (id.endsWith('X')) return id;
  }
  throw new Error('no id with check character X in range');
})();

export const MOBILE = '13912345678';
export const CARD = luhnComplete('622202020000123');
export const NAME = '张晓娓';
export const PROTECTED_NAMES = [NAME, '欧阳明月', '李雷'];

const DIGITS = [...'0123456789'];

/** The resident id with a wrong check digit, chosen so that it does not pass Luhn either. */
export const INVALID_RESIDENT_ID = DIGITS.map((d) => RESIDENT_ID.slice(0, 17) + d).find(
  (candidate) => candidate !== RESIDENT_ID && !isLuhnValid(candidate),
)!;

/** The card number inside a longer digit run that does not pass Luhn itself. */
export const CARD_IN_LONGER_RUN = DIGITS.map((d) => CARD + d).find((candidate) => !isLuhnValid(candidate))!;

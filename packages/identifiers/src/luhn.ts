// Bank card numbers (银行卡号) carry a Luhn check digit; Chinese cards have 12 to 19 digits.

/** The Luhn sum of a digit string, doubling every second digit from the right (the rightmost one first when `doubleFirst`). */
function luhnSum(digits: string, doubleFirst: boolean): number {
  let sum = 0;
  let double = doubleFirst;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum;
}

export function isLuhnValid(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  return luhnSum(digits, false) % 10 === 0;
}

/** `body` with its Luhn check digit appended: a well-formed synthetic card number (demo data, tests). */
export function withLuhnCheckDigit(body: string): string {
  if (!/^\d+$/.test(body)) throw new RangeError('卡号主体只能是数字 / a card number body is digits only');
  return body + String((10 - (luhnSum(body, true) % 10)) % 10);
}

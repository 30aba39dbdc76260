import { badInput } from '../../errors/domain-error.ts';

// Bank card and account numbers are 12–30 digits; people write them in groups of four.
const ACCOUNT_NUMBER = /^[0-9]{12,30}$/;

/** The digits of an account number (spaces between groups allowed), or BAD_INPUT naming `field`. */
export function parseAccountNumber(field: string, value: string): string {
  const digits = value.replace(/ /g, '');
  if (!ACCOUNT_NUMBER.test(digits)) {
    throw badInput(
      field,
      '银行账号应为 12–30 位数字（可用空格分组）',
      'The account number must be 12–30 digits (spaces between groups allowed)',
    );
  }
  return digits;
}

/**
 * 6228********1234: the first and last four digits at most, enough for a clerk to match a card
 * on the counter, not enough to pay into. Every API view shows accounts this way; only the
 * payment file handed to the bank holds the full number.
 */
export function maskAccountNumber(digits: string): string {
  if (digits.length <= 8) return '*'.repeat(digits.length);
  return `${digits.slice(0, 4)}${'*'.repeat(digits.length - 8)}${digits.slice(-4)}`;
}

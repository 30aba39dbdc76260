import { badInput } from '../../errors/domain-error.ts';
import type { Label } from '../../validation/field-checks.ts';

// Digits only, no sign, no leading zero: "1250000". Yuan with a dot ("12500.00"), thousands
// separators, exponents and full-width digits are refused rather than guessed at.
const UNSIGNED_FEN = /^(0|[1-9][0-9]{0,17})$/;
const SIGNED_FEN = /^(0|-?[1-9][0-9]{0,17})$/;

/**
 * An amount of money in fen (分, 1/100 yuan), given as a string of decimal digits so that no client
 * rounds it through a floating-point number. Returns the canonical string (PostgreSQL reads it as
 * bigint).
 */
export function parseFen(
  field: string,
  value: string,
  label: Label,
  bounds: { min: bigint; max: bigint; signed?: boolean },
): string {
  const pattern = bounds.signed ? SIGNED_FEN : UNSIGNED_FEN;
  const shape = bounds.signed
    ? {
        zh: '以“分”为单位的整数（可带负号），如 -35000',
        en: 'a whole number of fen (may be negative), e.g. -35000',
      }
    : {
        zh: '以“分”为单位的非负整数，如 1250000（即 12,500 元）',
        en: 'a whole number of fen, e.g. 1250000 (12,500 yuan)',
      };
  if (!pattern.test(value)) {
    throw badInput(field, `${label.zh}应为${shape.zh}`, `${label.en} must be ${shape.en}`);
  }
  const amount = BigInt(value);
  if (amount < bounds.min || amount > bounds.max) {
    throw badInput(
      field,
      `${label.zh}应在 ${bounds.min} 到 ${bounds.max} 分之间`,
      `${label.en} must be between ${bounds.min} and ${bounds.max} fen`,
    );
  }
  return amount.toString();
}

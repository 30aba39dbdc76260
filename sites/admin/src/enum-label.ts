import { ENUM_LABELS } from './gql/enum-labels.ts';
import type { Language } from './i18n.tsx';

type EnumName = keyof typeof ENUM_LABELS;

/** An enum value as the API's schema labels it, in the admin's language. */
export function enumLabel<E extends EnumName>(
  enumName: E,
  value: keyof (typeof ENUM_LABELS)[E] & string,
  language: Language,
): string {
  const labels = ENUM_LABELS[enumName] as Record<string, { zh: string; en: string }>;
  return labels[value]?.[language] ?? value;
}

/** The values of an enum, in the schema's order. */
export function enumValues<E extends EnumName>(enumName: E): (keyof (typeof ENUM_LABELS)[E] & string)[] {
  return Object.keys(ENUM_LABELS[enumName]) as (keyof (typeof ENUM_LABELS)[E] & string)[];
}

import type { AwardCategory } from './award.type.ts';

/** The names of the commendation categories, for the admin enum and the portal. */
export const AWARD_CATEGORY_LABELS: Record<AwardCategory, { zh: string; en: string }> = {
  ADVANCED_UNIT: { zh: '先进集体（协会）', en: 'Advanced unit (an association)' },
  ADVANCED_INDIVIDUAL: { zh: '先进个人', en: 'Advanced individual' },
  EXCELLENT_MEMBER: { zh: '优秀会员', en: 'Excellent member' },
  EXCELLENT_VOLUNTEER: { zh: '优秀志愿者', en: 'Excellent volunteer' },
};

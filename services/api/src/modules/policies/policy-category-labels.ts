import type { PolicyCategory } from './policy.entity.ts';

export const POLICY_CATEGORY_LABELS: Record<PolicyCategory, { zh: string; en: string }> = {
  ASSISTANCE: { zh: '扶助政策', en: 'Assistance' },
  ASSOCIATION_WORK: { zh: '协会工作', en: 'Association work' },
  HEALTH_SERVICE: { zh: '健康服务', en: 'Health services' },
  PUBLICITY: { zh: '宣传教育', en: 'Publicity and education' },
  NOTICE: { zh: '通知公告', en: 'Notices' },
};

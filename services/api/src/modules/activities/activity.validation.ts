import { badInput } from '../../errors/domain-error.ts';
import { requireCount, requireDate, requireText } from '../../validation/field-checks.ts';
import { ACTIVITY_KINDS, type ActivityKind } from './activity.type.ts';

export interface ActivityFields {
  associationId: string;
  kind: ActivityKind;
  heldOn: string;
  title: string;
  participants: number;
  leaflets: number;
  consultations: number;
  peopleScreened: number;
}

/** The bounds the activity table's checks allow, so a form learns them before the database refuses. */
export const ACTIVITY_FIGURE_LIMITS = {
  participants: 1_000_000,
  leaflets: 10_000_000,
  consultations: 1_000_000,
  peopleScreened: 1_000_000,
} as const;

/** Checks and normalises an activity; throws a BAD_INPUT naming the first field at fault. */
export function validateActivityFields(input: ActivityFields): ActivityFields {
  if (!ACTIVITY_KINDS.includes(input.kind)) {
    throw badInput('input.kind', '活动类型无效', 'Unknown kind of activity');
  }
  const heldOn = requireDate(
    'input.heldOn',
    input.heldOn,
    { zh: '活动日期', en: 'Date held' },
    { notInFuture: true },
  );
  const title = requireText('input.title', input.title, 2, 200, { zh: '活动名称', en: 'Title' });
  return {
    associationId: input.associationId,
    kind: input.kind,
    heldOn,
    title,
    participants: requireCount(
      'input.participants',
      input.participants,
      ACTIVITY_FIGURE_LIMITS.participants,
      {
        zh: '参加人数',
        en: 'Participants',
      },
    ),
    leaflets: requireCount('input.leaflets', input.leaflets, ACTIVITY_FIGURE_LIMITS.leaflets, {
      zh: '宣传品份数',
      en: 'Leaflets',
    }),
    consultations: requireCount(
      'input.consultations',
      input.consultations,
      ACTIVITY_FIGURE_LIMITS.consultations,
      { zh: '义诊咨询人次', en: 'Consultations' },
    ),
    // Screening figures belong mostly to health screenings, but a fair or a member day may offer
    // screening too: no kind is refused a number here.
    peopleScreened: requireCount(
      'input.peopleScreened',
      input.peopleScreened,
      ACTIVITY_FIGURE_LIMITS.peopleScreened,
      { zh: '受检人数', en: 'People screened' },
    ),
  };
}

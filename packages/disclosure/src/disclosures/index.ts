import { POLICY_NOTICES_DISCLOSURE } from '../policy-notices-disclosure.ts';
import { ACTIVITY_STATISTICS_DISCLOSURE } from './activity-statistics.ts';
import { ASSOCIATION_STATISTICS_DISCLOSURE } from './association-statistics.ts';
import { AWARD_RECIPIENTS_DISCLOSURE } from './award-recipients.ts';
import { BENEFIT_TOTALS_DISCLOSURE } from './benefit-totals.ts';
import { EVALUATION_RESULTS_DISCLOSURE } from './evaluation-results.ts';
import { NOTICE_RECIPIENTS_DISCLOSURE } from './notice-recipients.ts';
import { PROGRAMS_DISCLOSURE } from './programs.ts';
import { PUBLIC_NOTICES_DISCLOSURE } from './public-notices.ts';
import { REGIONS_DISCLOSURE } from './regions.ts';

/** A disclosure definition as a deployment drafts it: approved by a second admin before it runs. */
export interface DisclosureDefinition {
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  readonly pageKind: 'NOTICE_LIST' | 'RECIPIENT_LIST' | 'TOTALS_TABLE' | 'CHART';
  readonly document: string;
  readonly outputFields: readonly string[];
}

/**
 * Every public dataset the portal is built from, in the order the demo county drafts them. Each
 * takes one parameter, `regionCode`: the county (or township) it publishes.
 */
export const PUBLIC_DISCLOSURES: readonly DisclosureDefinition[] = [
  POLICY_NOTICES_DISCLOSURE,
  AWARD_RECIPIENTS_DISCLOSURE,
  NOTICE_RECIPIENTS_DISCLOSURE,
  PUBLIC_NOTICES_DISCLOSURE,
  BENEFIT_TOTALS_DISCLOSURE,
  ACTIVITY_STATISTICS_DISCLOSURE,
  ASSOCIATION_STATISTICS_DISCLOSURE,
  EVALUATION_RESULTS_DISCLOSURE,
  PROGRAMS_DISCLOSURE,
  REGIONS_DISCLOSURE,
];

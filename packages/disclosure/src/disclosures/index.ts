import { POLICY_NOTICES_DISCLOSURE } from '../policy-notices-disclosure.ts';

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
export const PUBLIC_DISCLOSURES: readonly DisclosureDefinition[] = [POLICY_NOTICES_DISCLOSURE];

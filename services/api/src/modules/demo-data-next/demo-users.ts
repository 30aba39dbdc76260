import { demoPersonName } from './demo-persons.ts';
import type { DemoRandom } from './demo-random.ts';
import type { DemoCountyTree } from './demo-regions.ts';

export type DemoUserRole = 'COUNTY_ADMIN' | 'TOWNSHIP_ADMIN' | 'VILLAGE_CLERK' | 'AUDITOR';

export interface DemoUser {
  username: string;
  displayName: string;
  role: DemoUserRole;
  regionCode: string;
  password: string;
}

/**
 * The one password of every demo account, published in the docs so that anyone can log in to a demo
 * instance. A loader must refuse to create these accounts in production.
 */
export const DEMO_PASSWORD = 'sunshine-demo-2026';

/**
 * Two county admins so that four-eyes approval (drafted by one, approved by another) can be shown, an
 * auditor, one admin per township and one clerk per village. `usernamePrefix` keeps names unique when
 * several counties are generated (`330199.` at province scale, empty for a single county).
 */
export function buildDemoUsers(random: DemoRandom, tree: DemoCountyTree, usernamePrefix = ''): DemoUser[] {
  const rng = random.fork(`users:${tree.spec.code6}`);
  const user = (username: string, role: DemoUserRole, regionCode: string, femaleShare: number): DemoUser => ({
    username: usernamePrefix + username,
    displayName: demoPersonName(rng, rng.chance(femaleShare) ? 'FEMALE' : 'MALE'),
    role,
    regionCode,
    password: DEMO_PASSWORD,
  });
  const countyCode = tree.county.code;
  const users = [
    user('county.admin', 'COUNTY_ADMIN', countyCode, 0.5),
    user('county.approver', 'COUNTY_ADMIN', countyCode, 0.5),
    user('county.auditor', 'AUDITOR', countyCode, 0.5),
  ];
  for (const township of tree.townships) {
    const t3 = township.region.code.slice(6, 9);
    users.push(user(`township.${t3}`, 'TOWNSHIP_ADMIN', township.region.code, 0.5));
    for (const { region } of township.villages) {
      // Village family-planning clerks (村计生专干) are mostly women.
      users.push(user(`clerk.${t3}.${region.code.slice(9, 12)}`, 'VILLAGE_CLERK', region.code, 0.75));
    }
  }
  return users;
}

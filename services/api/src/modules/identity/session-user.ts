export const ROLES = ['COUNTY_ADMIN', 'TOWNSHIP_ADMIN', 'VILLAGE_CLERK', 'AUDITOR'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  COUNTY_ADMIN: { zh: '县级管理员', en: 'County administrator' },
  TOWNSHIP_ADMIN: { zh: '乡镇管理员', en: 'Township administrator' },
  VILLAGE_CLERK: { zh: '村（社区）计生专干', en: 'Village clerk' },
  AUDITOR: { zh: '审计监督员', en: 'Auditor' },
};

/** The signed-in admin, as every service sees them: one role over one region subtree. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  regionId: string;
  regionPath: string;
  regionCode: string;
  regionName: string;
  regionLevel: 'COUNTY' | 'TOWNSHIP' | 'VILLAGE' | 'GROUP';
}

/** ltree ancestor-or-self test, the same rule the row-level policies apply. */
export function pathWithin(path: string, scope: string): boolean {
  return path === scope || path.startsWith(`${scope}.`);
}

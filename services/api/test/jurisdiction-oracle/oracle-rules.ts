import type { OracleAdmin, OracleRow, OracleTarget } from './oracle-fixture.ts';

/**
 * The rule, written once in plain code and independently of the SQL policies: an admin may read
 * what lies in their region subtree, and change it if their role writes. A few tables narrow it
 * (ADR 0003, ADR 0005): the sensitive household statuses, the county's duplicate review, import
 * jobs (their creator only), evaluations (made by the level above, never edited).
 */

export type Operation = 'read' | 'update' | 'delete' | 'insert';

export type Triple =
  | { admin: OracleAdmin; operation: 'read' | 'update' | 'delete'; row: OracleRow }
  | { admin: OracleAdmin; operation: 'insert'; table: string; target: OracleTarget };

export const WRITER_ROLES = ['COUNTY_ADMIN', 'TOWNSHIP_ADMIN', 'VILLAGE_CLERK'];

/** ltree `path <@ scope`. */
export function within(path: string, scope: string): boolean {
  return path === scope || path.startsWith(`${scope}.`);
}

function depth(path: string): number {
  return path.split('.').length;
}

export function readsSensitive(admin: OracleAdmin): boolean {
  return (
    ((admin.role === 'COUNTY_ADMIN' || admin.role === 'AUDITOR') && depth(admin.scope) === 1) ||
    (admin.role === 'TOWNSHIP_ADMIN' && depth(admin.scope) === 2)
  );
}

export function writesSensitive(admin: OracleAdmin): boolean {
  return (
    (admin.role === 'COUNTY_ADMIN' && depth(admin.scope) === 1) ||
    (admin.role === 'TOWNSHIP_ADMIN' && depth(admin.scope) === 2)
  );
}

const writes = (admin: OracleAdmin) => WRITER_ROLES.includes(admin.role);

export function mayRead(admin: OracleAdmin, row: OracleRow): boolean {
  switch (row.table) {
    case 'region':
      return within(row.regionPath, admin.scope) || within(admin.scope, row.regionPath);
    case 'household_sensitive_status':
      return within(row.regionPath, admin.scope) && readsSensitive(admin);
    case 'person_duplicate_flag':
      return within(row.regionPath, admin.scope) && depth(admin.scope) === 1;
    default:
      return within(row.regionPath, admin.scope);
  }
}

export function mayUpdate(admin: OracleAdmin, row: OracleRow): boolean {
  const inScope = within(row.regionPath, admin.scope);
  switch (row.table) {
    case 'region':
    case 'evaluation':
      return false;
    case 'household_sensitive_status':
      return inScope && writesSensitive(admin);
    case 'person_duplicate_flag':
      return inScope && depth(admin.scope) === 1 && admin.role === 'COUNTY_ADMIN';
    case 'import_job':
      return inScope && row.createdBy === admin.id;
    default:
      return inScope && writes(admin);
  }
}

export const DELETABLE = new Set([
  'member_group',
  'contact_household',
  'activity',
  'household_sensitive_status',
]);

export function mayDelete(admin: OracleAdmin, row: OracleRow): boolean {
  if (!DELETABLE.has(row.table)) return false;
  const inScope = within(row.regionPath, admin.scope);
  return row.table === 'household_sensitive_status'
    ? inScope && writesSensitive(admin)
    : inScope && writes(admin);
}

export const INSERTABLE = [
  'association',
  'member_group',
  'person',
  'household',
  'household_sensitive_status',
  'member',
  'contact_household',
  'activity',
  'project',
  'evaluation',
  'import_job',
  'person_duplicate_flag',
] as const;

export function mayInsert(admin: OracleAdmin, table: string, target: OracleTarget): boolean {
  const inScope = within(target.villagePath, admin.scope);
  switch (table) {
    case 'person_duplicate_flag':
      return false;
    case 'household_sensitive_status':
      return inScope && writesSensitive(admin);
    case 'evaluation':
      return inScope && (admin.role === 'COUNTY_ADMIN' || admin.role === 'TOWNSHIP_ADMIN');
    default:
      return inScope && writes(admin);
  }
}

export function expected(triple: Triple): boolean {
  switch (triple.operation) {
    case 'read':
      return mayRead(triple.admin, triple.row);
    case 'update':
      return mayUpdate(triple.admin, triple.row);
    case 'delete':
      return mayDelete(triple.admin, triple.row);
    case 'insert':
      return mayInsert(triple.admin, triple.table, triple.target);
  }
}

export function tableOf(triple: Triple): string {
  return triple.operation === 'insert' ? triple.table : triple.row.table;
}

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
  return mayInsertAt(admin, table, target.villagePath);
}

/** Inserting into `table` a row filed at `path` (a village, or a township or county above it). */
export function mayInsertAt(admin: OracleAdmin, table: string, path: string): boolean {
  const inScope = within(path, admin.scope);
  switch (table) {
    case 'person_duplicate_flag':
      return false;
    case 'household_sensitive_status':
      return inScope && writesSensitive(admin);
    case 'evaluation':
      return mayEvaluate(admin, path);
    default:
      return inScope && writes(admin);
  }
}

/**
 * Evaluations are made by the level above (ADR 0005): a county or township admin, of an association
 * strictly below their own region, never of one at their own level.
 */
export function mayEvaluate(admin: OracleAdmin, associationPath: string): boolean {
  return (
    (admin.role === 'COUNTY_ADMIN' || admin.role === 'TOWNSHIP_ADMIN') &&
    within(associationPath, admin.scope) &&
    associationPath !== admin.scope
  );
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

/*
 * What the GraphQL API adds to the rule above. Its services check scope before the database is
 * asked, and a few narrow it further; these are the only places the API answers differently from
 * the table's own row-level rule.
 */

/** `region(code)`, `activityTotals`, `dataQualityReport`: the caller's subtree only, not the ancestors the table shows. */
export function mayUseRegion(admin: OracleAdmin, regionPath: string): boolean {
  return within(regionPath, admin.scope);
}

/** `regions(parentCode)` lists a region among its siblings: its parent must be in the caller's subtree. */
export function mayListRegion(admin: OracleAdmin, regionPath: string): boolean {
  const parent = regionPath.split('.').slice(0, -1).join('.');
  return parent === '' ? admin.scope === regionPath : within(parent, admin.scope);
}

/** `personResidentId`: the full ID number is shown to writers in scope only (each read audited). */
export function mayReadResidentId(admin: OracleAdmin, row: OracleRow): boolean {
  return within(row.regionPath, admin.scope) && writes(admin);
}

/** A household's `sensitiveStatusVisible` flag: whether the caller's role and level read sensitive statuses. */
export function seesSensitiveStatuses(admin: OracleAdmin): boolean {
  return readsSensitive(admin);
}

/** `commitImport`: only the writer who uploaded the file, in scope. */
export function mayCommitImport(admin: OracleAdmin, row: OracleRow): boolean {
  return mayUpdate(admin, row) && writes(admin);
}

/**
 * Not a jurisdiction rule but a validity rule the generator obeys: a person joins an association
 * only if registered or living in its region (otherwise the API answers BAD_INPUT, not a refusal).
 */
export function mayJoin(personPath: string, associationPath: string): boolean {
  return within(personPath, associationPath);
}

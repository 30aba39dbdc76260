/**
 * The jurisdiction recipe every region-scoped table adopts (ADR 0003): `region_path` mirrors
 * `region_id` by trigger, row-level security is enabled and forced, and reads are limited to the
 * caller's subtree. Write policies differ per table and stay with each table.
 *
 * Applied migrations never change, so neither may this recipe: a new rule is a new function.
 */
export function scopedTableSql(table: string): string[] {
  return [
    `create trigger ${table}_region_path before insert or update of region_id on ${table}
       for each row execute function set_region_path()`,
    `alter table ${table} enable row level security`,
    `alter table ${table} force row level security`,
    `create policy ${table}_read on ${table} for select using (region_path <@ app_scope())`,
  ];
}

/**
 * A PostgreSQL array literal (`{"a","b"}`) for one `?` placeholder, to be cast in SQL
 * (`= any(?::uuid[])`). MikroORM formats parameters into the statement text and spreads a JS
 * array into a comma-separated list, which `any(...)` cannot take.
 */
export function sqlArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/**
 * The API never connects as the owner of the tables: it logs in as `sunshine_app`, a role without
 * BYPASSRLS, so row-level security applies to every query it makes (ADR 0003).
 */
export const APP_ROLE = 'sunshine_app';

/** Password of the app role on the embedded development and test clusters. */
export const DEFAULT_APP_PASSWORD = 'sunshine-app-local';

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function withCredentials(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
}

/** A URL fit for logs and terminal output: the password replaced by stars. */
export function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '****';
  return parsed.toString();
}

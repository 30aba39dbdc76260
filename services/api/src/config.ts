import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface ApiConfig {
  /** Owner connection: migrations and the demo loader. */
  ownerDatabaseUrl: string;
  /** The API's own connection, as the non-owner app role. */
  appDatabaseUrl: string;
  port: number;
  host: string;
  /** Origins allowed to call the API from a browser with credentials. */
  allowedOrigins: string[];
  /** Session cookies get `Secure` when the API is served over HTTPS. */
  secureCookies: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  publicationsDir: string;
  /** The built admin console (sites/admin/dist), served at /admin/; null serves none. */
  adminDir: string | null;
  /** Key of the HMAC over resident ID numbers (uniqueness without a plain hash). */
  residentIdHmacKey: string;
  logLevel: string;
}

export function readApiConfig(
  env: NodeJS.ProcessEnv,
  urls: { ownerDatabaseUrl: string; appDatabaseUrl: string },
): ApiConfig {
  return {
    ...urls,
    port: Number(env.API_PORT ?? 4000),
    host: env.API_HOST ?? '127.0.0.1',
    allowedOrigins: (
      env.ALLOWED_ORIGINS ?? 'http://localhost:4000,http://localhost:4321,http://localhost:5173'
    )
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    secureCookies: env.SECURE_COOKIES === 'true',
    sessionIdleMinutes: Number(env.SESSION_IDLE_MINUTES ?? 60),
    sessionMaxHours: Number(env.SESSION_MAX_HOURS ?? 12),
    publicationsDir: env.SUNSHINE_PUBLICATIONS_DIR ?? path.join(REPO_ROOT, 'var/publications'),
    adminDir: env.SUNSHINE_ADMIN_DIR ?? path.join(REPO_ROOT, 'sites/admin/dist'),
    residentIdHmacKey: env.RESIDENT_ID_HMAC_KEY ?? 'sunshine-local-development-key-change-me',
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}

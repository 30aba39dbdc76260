import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface ProtectedNamesFile {
  /** A 0600 file in a private 0700 temporary folder: one full name per line, sorted, no duplicates. */
  file: string;
  /** Distinct names written. */
  count: number;
  /** Removes the file and its folder; call it once the leak scan is done. */
  remove(): Promise<void>;
}

/**
 * The full names the portal's leak scan must never find in the built site: every registered person's
 * name and every staff member's display name, except the names of award recipients who consented, on
 * record, to their full name being published (the award-recipients dataset prints those in full, so
 * the scan would otherwise fail every build that publishes them).
 *
 * What the exception costs: the output holds only strings, so a consented name is excluded as a
 * string. Anyone else in the database who shares that exact name loses this check: their name could
 * appear in the output unnoticed. The count of such people is what `countUnprotectedNamesakes`
 * reports; the masked-name rule in the public resolvers still protects them, the scan only backs that
 * rule up.
 *
 * Read as the database owner, like the other exports; with `row_security = off`, so an owner that
 * row-level security would restrict (not a superuser, no BYPASSRLS) makes the export fail instead of
 * silently returning an empty list, which would turn the name check off.
 *
 * The file goes to the system's temporary folder, never into the publications or the portal's
 * output; it holds every resident's name, so it is private to this user and removed after the build.
 */
export async function exportProtectedNames(ownerDatabaseUrl: string): Promise<ProtectedNamesFile> {
  const names = await readProtectedNames(ownerDatabaseUrl);
  const dir = await mkdtemp(path.join(tmpdir(), 'sunshine-protected-names-'));
  const file = path.join(dir, 'names.txt');
  try {
    await writeFile(file, names.length > 0 ? `${names.join('\n')}\n` : '', { mode: 0o600, flag: 'wx' });
    // The mode given to writeFile is filtered by the umask; make sure nobody else can read it.
    await chmod(file, 0o600);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return { file, count: names.length, remove: () => rm(dir, { recursive: true, force: true }) };
}

const PROTECTED_NAMES_SQL = `
  with consented as (
    select distinct p.name
      from award_recipient a join person p on p.id = a.person_id
     where a.name_publication_consent and a.consent_recorded_on is not null
  ), everyone as (
    select name from person
    union
    select display_name from app_user
  )
  select name from everyone where name not in (select name from consented)`;

/** The protected names, normalised (NFC, trimmed, one line each), distinct and sorted. */
export async function readProtectedNames(ownerDatabaseUrl: string): Promise<string[]> {
  const rows = await asOwner(ownerDatabaseUrl, (client) =>
    client.query<{ name: string }>(PROTECTED_NAMES_SQL).then((result) => result.rows),
  );
  const names = new Set<string>();
  for (const row of rows) {
    // A line break inside a name would split it into two lines of the file; a space keeps it one name.
    const name = row.name
      .normalize('NFC')
      .replace(/[\r\n]+/g, ' ')
      .trim();
    if (name) names.add(name);
  }
  return [...names].sort();
}

/** How many people share a consented name without having consented themselves (see above). */
export async function countUnprotectedNamesakes(ownerDatabaseUrl: string): Promise<number> {
  return asOwner(ownerDatabaseUrl, async (client) => {
    const { rows } = await client.query<{ n: number }>(
      `with consented as (
         select distinct a.person_id, p.name
           from award_recipient a join person p on p.id = a.person_id
          where a.name_publication_consent and a.consent_recorded_on is not null
       )
       select count(*)::int as n from person p
        where p.name in (select name from consented)
          and p.id not in (select person_id from consented)`,
    );
    return rows[0]?.n ?? 0;
  });
}

async function asOwner<T>(ownerDatabaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ownerDatabaseUrl });
  await client.connect();
  try {
    await client.query('begin read only');
    await client.query('set local row_security = off');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

if (import.meta.main) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('usage: DATABASE_URL=<owner url> node export-protected-names.ts');
  const exported = await exportProtectedNames(url);
  console.log(`${exported.file} (${exported.count} names)`);
}

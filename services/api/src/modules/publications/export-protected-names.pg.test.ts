import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cloneDatabase, type TestDatabase } from '../../../test/test-api.ts';
import { countUnprotectedNamesakes, exportProtectedNames } from './export-protected-names.ts';

let db: TestDatabase;
let owner: pg.Pool;

beforeAll(async () => {
  db = await cloneDatabase('demo');
  owner = new pg.Pool({ connectionString: db.ownerUrl, max: 1 });
});
afterAll(async () => {
  await owner?.end();
  await db?.drop();
});

async function names(sql: string): Promise<string[]> {
  return (await owner.query<{ name: string }>(sql)).rows.map((row) => row.name);
}

// The portal's leak scan fails a build that contains any of these names, so the list decides what the
// scan can see: everyone in the registry and on the staff, but not the award recipients who agreed, on
// record, to be named.
it('exports every non-consenting name once, sorted, into a private file outside the repository', async () => {
  const exported = await exportProtectedNames(db.ownerUrl);
  try {
    const lines = (await readFile(exported.file, 'utf8')).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(exported.count);
    expect(new Set(lines).size).toBe(lines.length);
    expect([...lines].sort()).toEqual(lines);

    const consented = await names(
      `select p.name from award_recipient a join person p on p.id = a.person_id
        where a.name_publication_consent`,
    );
    expect(consented.length).toBeGreaterThan(0);
    const listed = new Set(lines);
    for (const name of consented) expect(listed.has(name), 'a consented name').toBe(false);

    const everyone = new Set([
      ...(await names('select name from person')),
      ...(await names('select display_name as name from app_user')),
    ]);
    for (const name of consented) everyone.delete(name);
    expect(listed).toEqual(everyone);
    // Names who share a consented name lose the check; the exporter says how many.
    const namesakes = await owner.query<{ n: number }>(
      `select count(*)::int as n from person p
        where p.name in (select p2.name from award_recipient a join person p2 on p2.id = a.person_id
                          where a.name_publication_consent)
          and p.id not in (select a.person_id from award_recipient a
                            where a.name_publication_consent and a.person_id is not null)`,
    );
    expect(await countUnprotectedNamesakes(db.ownerUrl)).toBe(namesakes.rows[0]!.n);

    expect((await stat(exported.file)).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(exported.file))).mode & 0o777).toBe(0o700);
    expect(path.relative(process.cwd(), exported.file).startsWith('..')).toBe(true);
  } finally {
    await exported.remove();
  }
  await expect(stat(exported.file)).rejects.toThrow();
});

it('refuses to export through a connection that row-level security would restrict, instead of an empty list', async () => {
  await expect(exportProtectedNames(db.appUrl)).rejects.toThrow(/row-level security/);
});

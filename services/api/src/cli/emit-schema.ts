import '../reflect-metadata.ts';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { REPO_ROOT } from '../config.ts';
import { buildAdminSchema } from '../graphql/build-admin-schema.ts';
import { buildPublicSchema } from '../public-schema/build-public-schema.ts';

/**
 * Writes the admin and public schemas to packages/schema, the one contract the clients generate
 * their types from. With --check it writes nothing and fails when a committed file is stale.
 */
const HEADER = '# Generated from services/api by `npm run gen:schema`. Do not edit.\n\n';
const targets: [string, () => Promise<GraphQLSchema>][] = [
  ['packages/schema/schema.graphql', buildAdminSchema],
  ['packages/schema/public.graphql', buildPublicSchema],
];

const check = process.argv.includes('--check');
let stale = false;
for (const [file, build] of targets) {
  const text = `${HEADER}${printSchema(lexicographicSortSchema(await build()))}\n`;
  const target = path.join(REPO_ROOT, file);
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current === text) continue;
  if (check) {
    console.error(`${file} is stale: run \`npm run gen:schema\` and commit the result.`);
    stale = true;
  } else {
    await writeFile(target, text);
    console.log(`wrote ${file}`);
  }
}
process.exit(stale ? 1 : 0);

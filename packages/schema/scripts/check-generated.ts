import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Regenerates the client types into a scratch folder and compares them with the committed ones.
const root = path.resolve(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'sunshine-codegen-'));
const config = readFileSync(path.join(root, 'codegen.yml'), 'utf8')
  .replaceAll('src/generated/', `${scratch}/`)
  .replaceAll('schema: ', `schema: ${root}/`);
writeFileSync(path.join(scratch, 'codegen.yml'), config);
// npm puts the workspace root's node_modules/.bin on PATH for package scripts.
execFileSync('graphql-codegen', ['--config', path.join(scratch, 'codegen.yml')], { stdio: 'ignore' });
let stale = false;
for (const file of ['admin-types.ts', 'public-types.ts']) {
  const fresh = readFileSync(path.join(scratch, file), 'utf8');
  const committed = readFileSync(path.join(root, 'src/generated', file), 'utf8');
  if (fresh !== committed) {
    console.error(
      `packages/schema/src/generated/${file} is stale: run \`npm run gen:schema\` and commit it.`,
    );
    stale = true;
  }
}
rmSync(scratch, { recursive: true, force: true });
process.exit(stale ? 1 : 0);

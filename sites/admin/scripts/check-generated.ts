import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Regenerates the typed documents into a scratch folder and compares them with the committed src/gql/:
// a query edited without `npm run gen:types -w @sunshine/admin`, or a schema change that breaks one, fails.
const root = path.resolve(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'sunshine-admin-codegen-'));
try {
  // npm puts the workspace root's node_modules/.bin on PATH for package scripts.
  execFileSync('graphql-codegen', ['--config', 'codegen.ts'], {
    cwd: root,
    env: { ...process.env, ADMIN_CODEGEN_OUT: scratch },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const committed = path.join(root, 'src/gql');
  const names = new Set([...readdirSync(scratch), ...readdirSync(committed)]);
  let stale = false;
  for (const name of names) {
    const read = (dir: string) => {
      try {
        return readFileSync(path.join(dir, name), 'utf8');
      } catch {
        return null;
      }
    };
    if (read(scratch) !== read(committed)) {
      console.error(
        `sites/admin/src/gql/${name} is stale: run \`npm run gen:types -w @sunshine/admin\` and commit it.`,
      );
      stale = true;
    }
  }
  process.exitCode = stale ? 1 : 0;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

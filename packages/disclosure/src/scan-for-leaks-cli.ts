// Leak scan from the command line, for the portal build:
//   node --import tsx packages/disclosure/src/scan-for-leaks-cli.ts <dir> [--names <file>]
// The names file holds one protected full name per line. Prints `file:offset KIND` for every hit (never the
// value), then a summary line; exits 1 when anything was found or a file could not be checked, 0 otherwise,
// and 2 on wrong usage.

import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { scanForLeaks } from './scan-for-leaks.ts';

const USAGE = 'usage: scan-for-leaks-cli <dir> [--names <file with one name per line>]';

function parseArgs(argv: string[]): { dir: string; namesFile: string | null } | null {
  let dir: string | null = null;
  let namesFile: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--names') {
      const next = argv[++i];
      if (next === undefined) return null;
      namesFile = next;
    } else if (arg.startsWith('--names=')) {
      namesFile = arg.slice('--names='.length);
    } else if (dir === null && !arg.startsWith('--')) {
      dir = arg;
    } else {
      return null;
    }
  }
  return dir === null ? null : { dir, namesFile };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args === null) {
    console.error(USAGE);
    return 2;
  }
  const started = performance.now();
  let protectedNames: string[] = [];
  if (args.namesFile !== null) {
    try {
      protectedNames = (await readFile(args.namesFile, 'utf8')).split(/\r?\n/).filter((name) => name.trim());
    } catch {
      console.error(`leak scan: cannot read the names file ${args.namesFile}`);
      return 2;
    }
  }
  let result: Awaited<ReturnType<typeof scanForLeaks>>;
  try {
    result = await scanForLeaks(args.dir, { protectedNames });
  } catch {
    console.error(`leak scan: cannot read the directory ${args.dir}`);
    return 2;
  }
  for (const hit of result.hits) {
    console.log(`${hit.file}:${hit.offset} ${hit.kind}${hit.inflated ? ' (in decompressed content)' : ''}`);
  }
  for (const file of result.unreadable) {
    console.log(`${file.file} UNREADABLE_${file.reason}`);
  }
  const ms = Math.round(performance.now() - started);
  const failed = result.hits.length > 0 || result.unreadable.length > 0;
  console.log(
    `leak scan ${failed ? 'FAILED' : 'passed'}: ${result.filesScanned} files, ${result.bytesScanned} bytes, ` +
      `${ms} ms, ${result.hits.length} hits, ${result.unreadable.length} unreadable`,
  );
  return failed ? 1 : 0;
}

process.exitCode = await main();

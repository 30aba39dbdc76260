import { spawn } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';

/**
 * `npm test`: every check and every test, as CI runs them. Lint first (fast), then per package:
 * type checks, schema staleness and the test suites (PostgreSQL-backed and browser tests start
 * their own embedded PostgreSQL and Chromium), two at a time on our two cores. Ends with one
 * summary line over all packages' Vitest results.
 */
const steps: [string, string[]][] = [
  ['biome', ['check', '.']],
  [
    'turbo',
    [
      'run',
      'check:types',
      'check:schema',
      'test',
      '--concurrency=2',
      '--output-logs=full',
      '--log-order=grouped',
    ],
  ],
];
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' };
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) count(line);
    });
    child.on('close', (code, signal) => {
      count(pending);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

// Vitest's closing line per package, e.g. "Tests  2 failed | 55 passed | 1 skipped (58)".
function count(line: string): void {
  const plain = stripVTControlCharacters(line);
  const match = /\bTests\s+(.*)\(\d+\)\s*$/.exec(plain);
  if (!match?.[1]) return;
  for (const [, n, kind] of match[1].matchAll(/(\d+) (passed|failed|skipped)/g)) {
    totals[kind as keyof typeof totals] += Number(n);
  }
}

let status = 0;
for (const [command, args] of steps) {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  status = await run(command, args);
  if (status !== 0) {
    console.error(`\n${command} failed (exit ${status}).`);
    break;
  }
}
console.log(
  `\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
);
process.exit(status !== 0 ? status : totals.failed > 0 ? 1 : 0);

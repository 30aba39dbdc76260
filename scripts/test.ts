import { spawnSync } from 'node:child_process';

/**
 * `npm test`: every check and every test, as CI runs them. Lint first (fast), then per package:
 * type checks, schema staleness and the test suites (PostgreSQL-backed and browser tests start
 * their own embedded PostgreSQL and Chromium), two at a time on our two cores.
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
for (const [command, args] of steps) {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`\n${command} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

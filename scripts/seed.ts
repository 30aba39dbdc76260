import { parseArgs } from 'node:util';
import { readApiConfig } from '@sunshine/api/config';
import { loadDemoCounty } from '@sunshine/api/load-demo-county';
import { provisionDatabase } from '@sunshine/api/provision-database';
import { openLocalDatabase } from './local-database.ts';

/**
 * `npm run seed -- --scale county|province --seed N`: loads the demo data into an empty database
 * (the embedded one, or DATABASE_URL's). It refuses a database that already has data.
 */
const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'county' },
    seed: { type: 'string', default: '2026' },
  },
});
const scale = values.scale;
const seed = Number(values.seed);
if ((scale !== 'county' && scale !== 'province') || !Number.isInteger(seed)) {
  console.error('usage: npm run seed -- --scale county|province --seed <integer>');
  process.exit(2);
}
const say = (line: string) => console.log(`[seed] ${line}`);
const database = await openLocalDatabase(say);
let loaded = false;
try {
  const urls = await provisionDatabase(database.ownerDatabaseUrl, process.env);
  const started = performance.now();
  const result = await loadDemoCounty({
    ...urls,
    seed,
    scale,
    config: readApiConfig(process.env, urls),
    log: say,
  });
  loaded = result.loaded;
  if (!result.loaded) {
    say('the database already holds data: nothing loaded. To start over with the embedded database,');
    say('stop `npm start`, delete the .data/ folder and run this again.');
  } else {
    say(`loaded ${scale} scale (seed ${seed}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
} finally {
  await database.embedded?.stop();
}
// Exit explicitly: `process.exitCode = 1` was observed to end as exit status 0 (something loaded on
// the way resets it), and a refusal must fail the command.
process.exit(loaded ? 0 : 1);

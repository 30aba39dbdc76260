import { generateDemoCounty } from './demo-county.ts';

const t = performance.now();
const demo = generateDemoCounty({ seed: 2026, scale: 'province' });
let peak = 0;
const rows = { regions: 0, persons: 0, households: 0, members: 0, contacts: 0, activities: 0, evaluations: 0 };
let n = 0;
for (const part of demo.parts()) {
  const r = part.registry();
  n++;
  rows.regions += part.regions.length;
  rows.persons += r.persons.length;
  rows.households += r.households.length;
  rows.members += r.members.length;
  rows.contacts += r.members.reduce((s, m) => s + m.contacts.length, 0);
  rows.activities += r.activities.length;
  rows.evaluations += r.evaluations.length;
  const rss = process.memoryUsage().rss;
  peak = Math.max(peak, rss);
  if (n % 10 === 0 || n <= 3) console.log(n, ((performance.now() - t) / 1000).toFixed(0), 's rss MB', (rss / 2 ** 20).toFixed(0), 'heap MB', (process.memoryUsage().heapUsed / 2 ** 20).toFixed(0));
}
console.log(rows, 'peak rss MB', (peak / 2 ** 20).toFixed(0), 'total s', ((performance.now() - t) / 1000).toFixed(0));

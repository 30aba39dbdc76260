import { generateDemoCounty } from './demo-county.ts';

const by = <T,>(xs: readonly T[], f: (x: T) => string) => { const m: Record<string, number> = {}; for (const x of xs) m[f(x)] = (m[f(x)] ?? 0) + 1; return m; };
const demo = generateDemoCounty({ seed: 2026, scale: 'county' });
const part = [...demo.parts()][0]!;
let t = performance.now();
const r = part.registry();
console.log('registry ms', (performance.now() - t).toFixed(0));
console.log({ persons: r.persons.length, households: r.households.length, associations: r.associations.length, groups: r.associations.reduce((s, a) => s + a.groups.length, 0), members: r.members.length, contacts: r.members.reduce((s, m) => s + m.contacts.length, 0), activities: r.activities.length, projects: r.projects.length, evaluations: r.evaluations.length });
console.log(by(r.associations, a => a.kind), by(r.associations, a => a.standing));
console.log(by(r.members, m => m.role), by(r.members, m => String(m.duesPaidYear)));
console.log(by(r.members, m => m.associationCode.slice(12)));
console.log(by(r.activities, a => a.kind), by(r.activities, a => a.heldOn.slice(0, 4)));
console.log(by(r.projects, p => p.kind), 'neg income', r.projects.filter(p => (p.incomeChangeFen ?? 0) < 0).length);
console.log('evals failed', r.evaluations.filter(e => !e.items.every(i => i.passed)).length, 'reevals', r.evaluations.filter(e => e.reEvaluationOf).length);
console.log('skipped', r.planted.skippedQuarters.length, r.planted.membersWithoutContact.length);
console.log(by(r.associations.filter(a=>a.kind!=='VILLAGE' && a.kind !== 'COMMUNITY'), a => `${a.code} ${a.name} ${a.standing}`));
console.log(r.evaluations.filter(e => !e.items.every(i => i.passed)).slice(0, 3).map(e => JSON.stringify(e)));
console.log(r.activities.slice(0, 3), r.projects.slice(0, 3), r.members.slice(0, 2));
const seen = new Map<string, number>();
for (const p of r.persons) { const k = p.name + p.birthDate; seen.set(k, (seen.get(k) ?? 0) + 1); }
console.log('natural+planted same name&birth groups', [...seen.values()].filter(n => n > 1).length);

import { type ImportRowError, rowError } from '../imports/import-errors.ts';
import { randomDate } from './demo-calendar.ts';
import type { DemoPeople } from './demo-households.ts';
import type { DemoRandom } from './demo-random.ts';
import type { DemoCountyTree } from './demo-regions.ts';

export interface DemoImportJob {
  /** The importing user's region: an import is filed where its author works. */
  regionCode: string;
  kind: 'PERSONS' | 'MEMBERS' | 'ACTIVITIES';
  fileName: string;
  fileSha256: string;
  fileBytes: number;
  format: 'CSV' | 'XLSX';
  status: 'COMMITTED' | 'INVALID';
  rowsParsed: number;
  rowsValidated: number;
  rowsCommitted: number;
  errors: ImportRowError[];
  createdByUsername: string;
  /** When the upload was made (Beijing time); the job finished a few seconds later. */
  createdAt: string;
  finishedAt: string;
}

function sha256Hex(rng: DemoRandom): string {
  let hex = '';
  for (let i = 0; i < 64; i++) hex += '0123456789abcdef'[rng.int(0, 15)];
  return hex;
}

function at(rng: DemoRandom, from: string, to: string): [created: string, finished: string] {
  const day = randomDate(rng, from, to);
  const minute = rng.int(8 * 60, 17 * 60);
  const time = (seconds: number) =>
    `${day}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:${String(seconds).padStart(2, '0')}+08:00`;
  return [time(rng.int(0, 20)), time(rng.int(30, 59))];
}

/**
 * A few finished spreadsheet imports, as clerks and township staff leave them behind: a village's
 * roll imported in full, a member list refused for two bad rows (a mistyped ID number, a card number already taken), a township's activity records. The
 * files themselves are not kept (an import keeps its file only until it is committed).
 */
export function buildDemoImportJobs(
  random: DemoRandom,
  tree: DemoCountyTree,
  people: DemoPeople,
  usernamePrefix: string,
): DemoImportJob[] {
  const rng = random.fork(`imports:${tree.spec.code6}`);
  const township = rng.pick(tree.townships.filter((t) => t.villages.length >= 2));
  const [rollVillage, memberVillage] = rng.shuffle(township.villages).map((v) => v.region);
  const t3 = township.region.code.slice(6, 9);
  const clerk = (code: string) => `${usernamePrefix}clerk.${t3}.${code.slice(9, 12)}`;
  const roll = people.persons.filter((p) => p.registeredRegionCode === rollVillage!.code).length;

  const [rollAt, rollDone] = at(rng, '2026-03-02', '2026-03-31');
  const [membersAt, membersDone] = at(rng, '2026-04-01', '2026-04-30');
  const [activitiesAt, activitiesDone] = at(rng, '2026-07-01', '2026-07-31');
  const badRows = [rng.int(3, 40), rng.int(41, 90)];
  const memberRows = rng.int(95, 140);
  const activityRows = rng.int(20, 45);
  return [
    {
      regionCode: rollVillage!.code,
      kind: 'PERSONS',
      fileName: `${rollVillage!.name}人员花名册.xlsx`,
      fileSha256: sha256Hex(rng),
      fileBytes: roll * rng.int(95, 120) + 9_000,
      format: 'XLSX',
      status: 'COMMITTED',
      rowsParsed: roll,
      rowsValidated: roll,
      rowsCommitted: roll,
      errors: [],
      createdByUsername: clerk(rollVillage!.code),
      createdAt: rollAt,
      finishedAt: rollDone,
    },
    {
      regionCode: memberVillage!.code,
      kind: 'MEMBERS',
      fileName: `${memberVillage!.name}会员名册.xlsx`,
      fileSha256: sha256Hex(rng),
      fileBytes: memberRows * rng.int(80, 100) + 8_000,
      format: 'XLSX',
      status: 'INVALID',
      rowsParsed: memberRows,
      rowsValidated: memberRows - badRows.length,
      rowsCommitted: 0,
      errors: [
        rowError(badRows[0]!, '身份证号', 'ID_INVALID_CHECKSUM'),
        rowError(badRows[1]!, '会员证号', 'CARD_NUMBER_TAKEN'),
      ],
      createdByUsername: clerk(memberVillage!.code),
      createdAt: membersAt,
      finishedAt: membersDone,
    },
    {
      regionCode: township.region.code,
      kind: 'ACTIVITIES',
      fileName: `${township.region.name}2026年上半年活动台账.csv`,
      fileSha256: sha256Hex(rng),
      fileBytes: activityRows * rng.int(90, 130) + 200,
      format: 'CSV',
      status: 'COMMITTED',
      rowsParsed: activityRows,
      rowsValidated: activityRows,
      rowsCommitted: activityRows,
      errors: [],
      createdByUsername: `${usernamePrefix}township.${t3}`,
      createdAt: activitiesAt,
      finishedAt: activitiesDone,
    },
  ];
}

import type { DemoAssociation, DemoStanding } from './demo-associations.ts';
import {
  addDays,
  DEMO_AS_OF,
  daysInMonth,
  earlierOf,
  isoDate,
  laterOf,
  quarterOf,
  randomDate,
  randomDayInYear,
  WORK_YEARS,
} from './demo-calendar.ts';
import type { DemoRandom } from './demo-random.ts';
import { chineseNumber } from './demo-regions.ts';

export type DemoActivityKind =
  | 'MEMBER_DAY'
  | 'POPULATION_DAY'
  | 'HEALTH_SCREENING'
  | 'TRAINING'
  | 'HOME_VISIT'
  | 'MARKET_FAIR'
  | 'OTHER';

export interface DemoActivity {
  associationCode: string;
  kind: DemoActivityKind;
  heldOn: string;
  title: string;
  participants: number;
  leaflets: number;
  consultations: number;
  peopleScreened: number;
}

export type DemoProjectKind =
  | 'FEWER_BIRTHS_FASTER_PROSPERITY'
  | 'THREE_COMBINATIONS'
  | 'BIRTH_CARE'
  | 'HAPPINESS_PROJECT'
  | 'YOUTH_HEALTH';

export interface DemoProject {
  associationCode: string;
  kind: DemoProjectKind;
  name: string;
  startOn: string;
  endOn: string | null;
  /** Integer fen. */
  budgetFen: number;
  householdsHelped: number;
  /** Average change of a helped household's yearly income, in fen; known once a project has ended. */
  incomeChangeFen: number | null;
}

export interface DemoEvaluationItem {
  code: string;
  passed: boolean;
  note: string;
}

export interface DemoEvaluation {
  /** Names the evaluation within the demo data, so that a re-evaluation can point at it. */
  key: string;
  associationCode: string;
  evaluatedOn: string;
  items: DemoEvaluationItem[];
  score: number;
  rectificationDeadline: string | null;
  reEvaluationOf: string | null;
  evaluatedByUsername: string;
}

export interface DemoWork {
  activities: DemoActivity[];
  projects: DemoProject[];
  evaluations: DemoEvaluation[];
  /** Quarters in which an association recorded nothing, as `<association code>/<year>Q<quarter>`. */
  skippedQuarters: string[];
}

// Associations are expected to record an activity every quarter; nominal ones often do not.
const SKIP_QUARTER: Record<DemoStanding, number> = { MODEL: 0, ADVANCED: 0, ORDINARY: 0.012, NOMINAL: 0.3 };
// The chance that any one checklist item (other than those the data decides) fails.
const ITEM_FAILS: Record<DemoStanding, number> = {
  MODEL: 0,
  ADVANCED: 0.002,
  ORDINARY: 0.006,
  NOMINAL: 0.06,
};

const CHECKLIST: readonly (readonly [code: string, failure: string])[] = [
  ['ORGANISATION', '理事会未按期换届'],
  ['MEMBER_HOME', '会员之家“五有”不达标'],
  ['ACTIVITIES', '无活动记录'],
  ['RECORDS', '活动台账缺少签到表和照片'],
  ['MEMBER_ROSTER', '会员花名册未及时更新'],
  ['CONTACT_HOUSEHOLDS', '部分会员未落实联系户'],
  ['DUES', '会费收缴不足七成'],
  ['OPEN_AFFAIRS', '奖励扶助对象公示材料未存档'],
];

// biome-ignore format: a list reads better packed
const CROPS = ['茶叶种植', '高山蔬菜', '竹笋加工', '香榧种植', '杨梅种植', '中药材种植', '食用菌栽培', '家禽养殖', '农家乐经营', '来料加工'];
// biome-ignore format: a list reads better packed
const COUNTY_TRAININGS = ['全县乡镇计生协专职副会长培训班', '全县村级计生协秘书长培训班', '青春健康同伴教育师资培训', '计生协统计台账业务培训'];
const VILLAGE_TRAININGS = ['会员骨干培训', '青春健康知识讲座', '优生优育知识讲座', '家庭健康知识讲座'];
const QUARTER_NAMES = ['一', '二', '三', '四'];

type Shape = 'LOCAL' | 'TOWNSHIP' | 'COUNTY' | 'ENTERPRISE' | 'FLOATING';

function shapeOf(a: DemoAssociation): Shape {
  if (a.kind === 'ENTERPRISE') return 'ENTERPRISE';
  if (a.kind === 'FLOATING_POPULATION') return 'FLOATING';
  if (a.level === 'COUNTY') return 'COUNTY';
  return a.level === 'TOWNSHIP' ? 'TOWNSHIP' : 'LOCAL';
}

function quarterStart(year: number, quarter: number): string {
  return isoDate(year, quarter * 3 - 2, 1);
}

function quarterEnd(year: number, quarter: number): string {
  return isoDate(year, quarter * 3, daysInMonth(year, quarter * 3));
}

interface Figures {
  participants: number;
  leaflets?: number;
  consultations?: number;
  peopleScreened?: number;
}

/**
 * Three years (2024 to the demo's today) of one county's activities, projects and evaluations. Each
 * association draws from its own stream, so its records do not depend on how many others there are.
 */
export function buildDemoWork(
  random: DemoRandom,
  associations: readonly DemoAssociation[],
  evaluatorOf: (a: DemoAssociation) => string | null,
): DemoWork {
  const work: DemoWork = { activities: [], projects: [], evaluations: [], skippedQuarters: [] };
  for (const a of associations) {
    const rng = random.fork(`work:${a.code}`);
    const skipped = new Set<string>();
    for (const year of WORK_YEARS) {
      for (let q = 1; q <= 4; q++) {
        // The quarter in progress is never "skipped": it is not over yet.
        if (quarterEnd(year, q) >= DEMO_AS_OF) continue;
        if (rng.chance(SKIP_QUARTER[a.standing])) skipped.add(`${year}Q${q}`);
      }
    }
    const activities = activitiesOf(rng, a, skipped);
    for (const activity of activities) work.activities.push(activity);
    for (const quarter of [...skipped].sort()) work.skippedQuarters.push(`${a.code}/${quarter}`);
    for (const project of projectsOf(rng, a)) work.projects.push(project);
    const evaluator = evaluatorOf(a);
    if (evaluator !== null) {
      for (const evaluation of evaluationsOf(rng, a, skipped, evaluator)) work.evaluations.push(evaluation);
    }
  }
  return work;
}

function activitiesOf(rng: DemoRandom, a: DemoAssociation, skipped: ReadonlySet<string>): DemoActivity[] {
  const shape = shapeOf(a);
  const list: DemoActivity[] = [];
  const keys = new Set<string>();
  const add = (kind: DemoActivityKind, heldOn: string, title: string, figures: Figures): void => {
    if (heldOn > DEMO_AS_OF || skipped.has(`${heldOn.slice(0, 4)}Q${quarterOf(heldOn)}`)) return;
    const key = `${heldOn}|${kind}|${title}`;
    if (keys.has(key)) return;
    keys.add(key);
    list.push({
      associationCode: a.code,
      kind,
      heldOn,
      title,
      participants: figures.participants,
      leaflets: figures.leaflets ?? 0,
      consultations: figures.consultations ?? 0,
      peopleScreened: figures.peopleScreened ?? 0,
    });
  };
  const nominal = a.standing === 'NOMINAL';
  const inQuarter = (year: number, q: number) =>
    randomDate(rng, quarterStart(year, q), earlierOf(quarterEnd(year, q), DEMO_AS_OF));

  for (const year of WORK_YEARS) {
    const memberDay = isoDate(year, 5, rng.int(25, 31));
    const populationDay = isoDate(year, 7, rng.int(8, 14));
    switch (shape) {
      case 'LOCAL': {
        if (!nominal || rng.chance(0.6)) {
          add('MEMBER_DAY', memberDay, `${year}年“5·29”会员活动日`, {
            participants: rng.int(30, 250),
            leaflets: rng.int(50, 600),
            consultations: rng.int(0, 40),
          });
        }
        if (rng.chance(nominal ? 0.2 : 0.5)) {
          add('POPULATION_DAY', populationDay, `${year}年“7·11”世界人口日宣传`, {
            participants: rng.int(20, 150),
            leaflets: rng.int(100, 800),
            consultations: rng.int(0, 30),
          });
        }
        for (let q = 1; q <= 4; q++) {
          if (nominal && rng.chance(0.5)) continue;
          const visits = rng.chance(0.4) ? 2 : 1;
          const titles = [
            `${year}年第${QUARTER_NAMES[q - 1]}季度会员联系户走访`,
            `${year}年第${QUARTER_NAMES[q - 1]}季度计生困难家庭走访`,
          ];
          for (let v = 0; v < visits; v++) {
            add('HOME_VISIT', inQuarter(year, q), titles[v]!, {
              participants: rng.int(3, 20),
              leaflets: rng.int(0, 60),
              consultations: rng.int(0, 25),
            });
          }
        }
        if (rng.chance(nominal ? 0.2 : 0.6)) {
          add('TRAINING', randomDayInYear(rng, year, 3, 11), `${year}年${rng.pick(VILLAGE_TRAININGS)}`, {
            participants: rng.int(15, 80),
            leaflets: rng.int(0, 100),
          });
        }
        if (rng.chance(0.35)) {
          const screened = rng.int(40, 300);
          add('HEALTH_SCREENING', randomDayInYear(rng, year, 3, 11), `${year}年育龄妇女健康检查`, {
            participants: screened,
            consultations: rng.int(20, 150),
            peopleScreened: screened,
          });
        }
        if (rng.chance(0.5)) {
          add('OTHER', randomDayInYear(rng, year, 1, 2), `${year}年春节计生特殊家庭慰问`, {
            participants: rng.int(3, 12),
          });
        }
        if (a.kind === 'VILLAGE' && rng.chance(0.15)) {
          add('MARKET_FAIR', randomDayInYear(rng, year), `${year}年集市计生政策宣传`, {
            participants: rng.int(5, 20),
            leaflets: rng.int(200, 1500),
            consultations: rng.int(10, 80),
          });
        }
        break;
      }
      case 'TOWNSHIP': {
        add('MEMBER_DAY', memberDay, `${year}年“5·29”会员活动日主题活动`, {
          participants: rng.int(100, 600),
          leaflets: rng.int(500, 3000),
          consultations: rng.int(20, 150),
        });
        add('POPULATION_DAY', populationDay, `${year}年“7·11”世界人口日宣传咨询活动`, {
          participants: rng.int(80, 400),
          leaflets: rng.int(500, 3000),
          consultations: rng.int(30, 200),
        });
        for (let q = 1; q <= 4; q++) {
          add('TRAINING', inQuarter(year, q), `${year}年第${QUARTER_NAMES[q - 1]}季度村级计生协骨干培训`, {
            participants: rng.int(30, 120),
            leaflets: rng.int(0, 200),
          });
          if (rng.chance(0.5)) {
            add(
              'HOME_VISIT',
              inQuarter(year, q),
              `${year}年第${QUARTER_NAMES[q - 1]}季度计生特殊家庭走访慰问`,
              {
                participants: rng.int(4, 15),
              },
            );
          }
        }
        const rounds = rng.int(1, 2);
        for (let r = 1; r <= rounds; r++) {
          const screened = rng.int(400, 3000);
          add(
            'HEALTH_SCREENING',
            randomDayInYear(rng, year, r === 1 ? 3 : 9, r === 1 ? 6 : 11),
            `${year}年度妇女病普查（第${chineseNumber(r)}轮）`,
            { participants: screened, consultations: rng.int(100, 800), peopleScreened: screened },
          );
        }
        const fairs = rng.int(1, 3);
        for (let f = 0; f < fairs; f++) {
          const day = randomDayInYear(rng, year);
          add('MARKET_FAIR', day, `${year}年${Number(day.slice(5, 7))}月集市宣传咨询活动`, {
            participants: rng.int(10, 40),
            leaflets: rng.int(500, 5000),
            consultations: rng.int(20, 200),
          });
        }
        break;
      }
      case 'COUNTY': {
        add('MEMBER_DAY', memberDay, `${year}年全县“5·29”会员活动日主会场活动`, {
          participants: rng.int(300, 2000),
          leaflets: rng.int(2000, 10000),
          consultations: rng.int(100, 500),
        });
        add('POPULATION_DAY', populationDay, `${year}年“7·11”世界人口日主题宣传`, {
          participants: rng.int(300, 1500),
          leaflets: rng.int(2000, 8000),
          consultations: rng.int(50, 300),
        });
        for (const training of rng.shuffle(COUNTY_TRAININGS).slice(0, rng.int(2, 3))) {
          add('TRAINING', randomDayInYear(rng, year, 2, 11), `${year}年${training}`, {
            participants: rng.int(40, 200),
          });
        }
        for (let q = 1; q <= 4; q++) {
          add('HOME_VISIT', inQuarter(year, q), `${year}年第${QUARTER_NAMES[q - 1]}季度计生特殊家庭走访`, {
            participants: rng.int(5, 20),
          });
        }
        add('OTHER', randomDayInYear(rng, year, 3, 4), `${year}年生育关怀行动推进会`, {
          participants: rng.int(80, 200),
        });
        break;
      }
      case 'ENTERPRISE': {
        add('MEMBER_DAY', memberDay, `${year}年“5·29”会员活动日`, {
          participants: rng.int(20, 150),
          leaflets: rng.int(50, 500),
        });
        for (let q = 1; q <= 4; q++) {
          if (nominal && rng.chance(0.5)) continue;
          const topic = rng.pick(['青春健康', '生殖健康', '优生优育']);
          add('TRAINING', inQuarter(year, q), `${year}年第${QUARTER_NAMES[q - 1]}季度职工${topic}讲座`, {
            participants: rng.int(20, 120),
            leaflets: rng.int(0, 200),
          });
        }
        if (rng.chance(0.8)) {
          const screened = rng.int(30, 300);
          add('HEALTH_SCREENING', randomDayInYear(rng, year, 4, 10), `${year}年女职工健康检查`, {
            participants: screened,
            consultations: rng.int(10, 100),
            peopleScreened: screened,
          });
        }
        break;
      }
      case 'FLOATING': {
        add('MEMBER_DAY', memberDay, `${year}年“5·29”会员活动日`, {
          participants: rng.int(30, 200),
          leaflets: rng.int(100, 800),
        });
        add('POPULATION_DAY', populationDay, `${year}年“7·11”流动人口宣传服务`, {
          participants: rng.int(40, 200),
          leaflets: rng.int(300, 1500),
          consultations: rng.int(20, 120),
        });
        for (let q = 1; q <= 4; q++) {
          if (nominal && rng.chance(0.5)) continue;
          add('HOME_VISIT', inQuarter(year, q), `${year}年第${QUARTER_NAMES[q - 1]}季度流动人口出租房走访`, {
            participants: rng.int(3, 15),
            leaflets: rng.int(20, 200),
          });
        }
        const screened = rng.int(30, 200);
        add('HEALTH_SCREENING', randomDayInYear(rng, year, 4, 10), `${year}年流动人口免费孕前优生健康检查`, {
          participants: screened,
          consultations: rng.int(10, 80),
          peopleScreened: screened,
        });
        add('MARKET_FAIR', randomDayInYear(rng, year), `${year}年流动人口政策宣传咨询`, {
          participants: rng.int(5, 20),
          leaflets: rng.int(300, 2000),
          consultations: rng.int(10, 100),
        });
        break;
      }
    }
  }

  // Every quarter that was not skipped has at least one record.
  for (const year of WORK_YEARS) {
    for (let q = 1; q <= 4; q++) {
      const from = quarterStart(year, q);
      const to = earlierOf(quarterEnd(year, q), DEMO_AS_OF);
      if (from > DEMO_AS_OF || skipped.has(`${year}Q${q}`)) continue;
      if (list.some((x) => x.heldOn >= from && x.heldOn <= to)) continue;
      const visit = shape === 'LOCAL' || shape === 'FLOATING';
      add(
        visit ? 'HOME_VISIT' : 'TRAINING',
        inQuarter(year, q),
        `${year}年第${QUARTER_NAMES[q - 1]}季度${visit ? '会员联系户走访' : '会员学习会'}`,
        { participants: rng.int(3, 30) },
      );
    }
  }
  return list.sort((x, y) => (x.heldOn < y.heldOn ? -1 : x.heldOn > y.heldOn ? 1 : 0));
}

function yuan(rng: DemoRandom, from: number, to: number): number {
  // Budgets are set in hundreds of yuan; amounts are kept in fen.
  return rng.int(from / 100, to / 100) * 100 * 100;
}

function projectsOf(rng: DemoRandom, a: DemoAssociation): DemoProject[] {
  const shape = shapeOf(a);
  const list: DemoProject[] = [];
  const names = new Set<string>();
  const add = (
    kind: DemoProjectKind,
    year: number,
    name: string,
    budgetFen: number,
    householdsHelped: number,
  ): void => {
    if (names.has(name)) return;
    const startOn = earlierOf(randomDayInYear(rng, year, 1, 9), DEMO_AS_OF);
    if (startOn < a.foundedOn) return;
    names.add(name);
    const endOn = rng.chance(0.75) ? addDays(startOn, 364) : null;
    const measured =
      endOn !== null && endOn <= DEMO_AS_OF && kind !== 'BIRTH_CARE' && kind !== 'YOUTH_HEALTH';
    // Most helped households earn more; a bad harvest or a lost market leaves some behind.
    const incomeChangeFen = measured
      ? (rng.chance(0.88) ? rng.int(500, 6_000) : -rng.int(200, 3_000)) * 100
      : null;
    list.push({
      associationCode: a.code,
      kind,
      name,
      startOn,
      endOn,
      budgetFen,
      householdsHelped,
      incomeChangeFen,
    });
  };
  switch (shape) {
    case 'COUNTY':
      for (const year of WORK_YEARS) {
        add(
          'HAPPINESS_PROJECT',
          year,
          `${year}年幸福工程·救助贫困母亲项目`,
          yuan(rng, 300_000, 800_000),
          rng.int(20, 60),
        );
        add(
          'BIRTH_CARE',
          year,
          `${year}年生育关怀·计生特殊家庭帮扶项目`,
          yuan(rng, 200_000, 600_000),
          rng.int(80, 300),
        );
        if (rng.chance(0.7))
          add('YOUTH_HEALTH', year, `${year}年青春健康教育进校园项目`, yuan(rng, 50_000, 150_000), 0);
      }
      break;
    case 'TOWNSHIP':
      for (let n = rng.int(1, 2); n > 0; n--) {
        const year = rng.pick(WORK_YEARS);
        const crop = rng.pick(CROPS);
        if (rng.chance(0.6)) {
          add(
            'THREE_COMBINATIONS',
            year,
            `${year}年${crop}计生“三结合”帮扶基地`,
            yuan(rng, 50_000, 300_000),
            rng.int(15, 80),
          );
        } else {
          add(
            'FEWER_BIRTHS_FASTER_PROSPERITY',
            year,
            `${year}年少生快富${crop}项目`,
            yuan(rng, 50_000, 300_000),
            rng.int(15, 80),
          );
        }
      }
      break;
    case 'LOCAL': {
      const year = rng.pick(WORK_YEARS);
      if (a.kind === 'VILLAGE' && rng.chance(0.22)) {
        const crop = rng.pick(CROPS);
        if (rng.chance(0.6)) {
          add(
            'THREE_COMBINATIONS',
            year,
            `${year}年${crop}计生“三结合”帮扶项目`,
            yuan(rng, 5_000, 80_000),
            rng.int(3, 30),
          );
        } else {
          add(
            'FEWER_BIRTHS_FASTER_PROSPERITY',
            year,
            `${year}年少生快富${crop}项目`,
            yuan(rng, 5_000, 80_000),
            rng.int(3, 30),
          );
        }
      } else if (a.kind === 'COMMUNITY' && rng.chance(0.1)) {
        if (rng.chance(0.5)) {
          add('BIRTH_CARE', year, `${year}年生育关怀·困难家庭帮扶`, yuan(rng, 5_000, 40_000), rng.int(5, 30));
        } else {
          add('YOUTH_HEALTH', year, `${year}年社区青春健康同伴教育`, yuan(rng, 5_000, 30_000), 0);
        }
      }
      break;
    }
    case 'ENTERPRISE':
      if (rng.chance(0.5)) {
        const year = rng.pick(WORK_YEARS);
        add('YOUTH_HEALTH', year, `${year}年职工青春健康项目`, yuan(rng, 10_000, 50_000), 0);
      }
      break;
    case 'FLOATING':
      break;
  }
  return list;
}

function evaluationsOf(
  rng: DemoRandom,
  a: DemoAssociation,
  skipped: ReadonlySet<string>,
  evaluator: string,
): DemoEvaluation[] {
  const list: DemoEvaluation[] = [];
  const village = a.kind === 'VILLAGE' || a.kind === 'COMMUNITY';
  const score = (items: readonly DemoEvaluationItem[]) =>
    items.every((i) => i.passed) ? rng.int(82, 100) : rng.int(50, 79);
  for (const year of WORK_YEARS) {
    // Yearly assessments in December; this year's is done by mid-November.
    const evaluatedOn =
      year < 2026
        ? randomDate(rng, `${year}-12-01`, `${year}-12-25`)
        : randomDate(rng, '2026-10-12', '2026-11-10');
    // The first three quarters are judged on the records; the fourth is still running.
    const missing = [1, 2, 3].filter((q) => skipped.has(`${year}Q${q}`));
    const items: DemoEvaluationItem[] = [];
    for (const [code, failure] of CHECKLIST) {
      if (code === 'OPEN_AFFAIRS' && !village) continue;
      let passed: boolean;
      let note = '达标';
      if (code === 'ACTIVITIES') {
        passed = missing.length === 0;
        if (!passed) note = `第${missing.map((q) => QUARTER_NAMES[q - 1]).join('、')}季度${failure}`;
      } else if (code === 'MEMBER_HOME') {
        // Judged on the "five haves": a home with at most one of them rarely passes.
        passed = a.facilities.length >= 2 || (a.facilities.length === 1 && !rng.chance(0.12));
        if (!passed) note = failure;
      } else {
        passed = !rng.chance(ITEM_FAILS[a.standing]);
        if (!passed) note = failure;
      }
      items.push({ code, passed, note });
    }
    let key = `${a.code}/${year}`;
    let current: DemoEvaluation = {
      key,
      associationCode: a.code,
      evaluatedOn,
      items,
      score: score(items),
      rectificationDeadline: null,
      reEvaluationOf: null,
      evaluatedByUsername: evaluator,
    };
    list.push(current);
    // A failure sets a rectification deadline and is assessed again around it, if that day has come.
    for (let round = 1; round <= 3 && !current.items.every((i) => i.passed); round++) {
      const deadline = addDays(current.evaluatedOn, round === 1 ? rng.int(45, 90) : rng.int(30, 60));
      current.rectificationDeadline = deadline;
      const again = laterOf(addDays(deadline, -rng.int(0, 14)), addDays(current.evaluatedOn, 21));
      if (again > DEMO_AS_OF) break;
      const fixed = current.items.map((i) =>
        i.passed || rng.chance(0.85)
          ? { code: i.code, passed: true, note: i.passed ? i.note : '已整改' }
          : { ...i },
      );
      const previous = key;
      key = `${a.code}/${year}/r${round}`;
      current = {
        key,
        associationCode: a.code,
        evaluatedOn: again,
        items: fixed,
        score: score(fixed),
        rectificationDeadline: null,
        reEvaluationOf: previous,
        evaluatedByUsername: evaluator,
      };
      list.push(current);
    }
    if (!current.items.every((i) => i.passed) && current.rectificationDeadline === null) {
      current.rectificationDeadline = addDays(current.evaluatedOn, rng.int(30, 60));
    }
  }
  return list;
}

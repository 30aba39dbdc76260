import type { DemoRandom } from './demo-random.ts';

// The region tree of a fictional county. County, township and village codes are 12-digit statistical
// division codes (统计用区划代码) following the national numbering convention: townships 001-099 are
// subdistricts (街道), 100-199 towns (镇), 200-399 townships (乡); under them 001-199 are communities
// (社区, 居委会) and 200-399 villages (村委会).
//
// Villager groups (村民小组) have no statistical code: the national scheme stops at the village. Any
// 12-digit scheme of our own would collide with real or future village codes, so a group's code is its
// village's code, a hyphen and a two-digit group number (`330199101201-03`). It is unique, sorts under its
// village, and can never be mistaken for a statistical code.

export type RegionLevel = 'COUNTY' | 'TOWNSHIP' | 'VILLAGE' | 'GROUP';
export type RegionKind = 'TOWN' | 'TOWNSHIP' | 'SUBDISTRICT' | 'VILLAGE' | 'COMMUNITY' | 'GROUP';

export interface DemoRegion {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  kind?: RegionKind;
}

export interface DemoCountySpec {
  /** The 6-digit county code, also the region part of its residents' ID numbers. */
  code6: string;
  name: string;
}

export interface DemoVillage {
  region: DemoRegion;
  groupCount: number;
}

export interface DemoTownship {
  region: DemoRegion;
  villages: DemoVillage[];
}

export interface DemoCountyTree {
  spec: DemoCountySpec;
  county: DemoRegion;
  townships: DemoTownship[];
}

export const HOME_COUNTY: DemoCountySpec = { code6: '330199', name: '青山县' };
/** Province scale only: the counties' common prefix. It is not itself a region (the tree starts at counties). */
export const DEMO_PROVINCE_CODE = '330000000000';
export const PROVINCE_COUNTY_COUNT = 100;

const PLACE_FIRST = [
  ...'青白石杨柳竹梅桃松枫龙凤云溪泉湖塘桥沙金玉新安永长丰和平东西南上下大横马鹤莲荷茶桑仙黄清双古高灵碧翠兰桂樟枣栗',
];
const PLACE_SECOND = [...'溪岭山桥塘坑湾田坪口源渡埠洋岙畈坞岗林庄店铺堰港浦阳'];
const VILLAGE_SURNAMES = [...'王李张刘陈杨黄吴周徐孙朱胡郑何叶方施潘蒋应楼俞钟'];
const VILLAGE_SUFFIXES = [...'家宅村庄店坞'];
// biome-ignore format: a list reads better packed
const COMMUNITY_NAMES = [
  '城东', '城西', '城南', '城北', '文昌', '新华', '和平', '建设', '胜利', '幸福', '光明', '朝阳', '锦绣', '春晖',
  '望江', '滨江', '桂花', '樟树', '书院', '学府', '凤鸣', '兴园', '康乐', '长安', '振华', '育才', '翠苑', '丰收',
  '清泉', '金桥', '玉兰', '南苑', '东湖', '西溪', '北门', '新桥', '梅园', '竹林', '花园',
];
const SUBDISTRICT_NAMES = ['城东', '城西', '城南', '城北', '江滨', '凤凰', '文昌', '鹤山'];
const COUNTY_SUFFIXES = ['县', '县', '县', '区', '市'];
const CHINESE_DIGITS = [...'零一二三四五六七八九'];

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** 1..99 as 一 .. 九十九, for group names such as 第十二村民小组. */
export function chineseNumber(n: number): string {
  if (n < 10) return CHINESE_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CHINESE_DIGITS[tens]}十${ones === 0 ? '' : CHINESE_DIGITS[ones]}`;
}

/** Draws names until one is new; the pools are far larger than any county needs. */
function uniqueName(used: Set<string>, draw: () => string): string {
  for (let attempt = 0; attempt < 1_000; attempt++) {
    const name = draw();
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  throw new Error('demo name pool exhausted');
}

/** The counties to generate: the home county alone, or it and 99 more in one province. */
export function demoCountySpecs(random: DemoRandom, countyCount: number): DemoCountySpec[] {
  const specs = [HOME_COUNTY];
  const used = new Set([HOME_COUNTY.name]);
  const names = random.fork('county-names');
  for (let i = 1; i < countyCount; i++) {
    // Prefecture codes 91-95 are unused in the real province, so no generated county is a real one.
    const code6 = `${DEMO_PROVINCE_CODE.slice(0, 2)}${91 + Math.floor((i - 1) / 20)}${pad(((i - 1) % 20) + 1, 2)}`;
    const name = uniqueName(
      used,
      () => `${names.pick(PLACE_FIRST)}${names.pick(PLACE_SECOND)}${names.pick(COUNTY_SUFFIXES)}`,
    );
    specs.push({ code6, name });
  }
  return specs;
}

type TownshipKind = 'SUBDISTRICT' | 'TOWN' | 'TOWNSHIP';

const TOWNSHIP_WEIGHT: Record<TownshipKind, number> = { SUBDISTRICT: 0.45, TOWN: 1.25, TOWNSHIP: 0.9 };
const TOWNSHIP_SUFFIX: Record<TownshipKind, string> = { SUBDISTRICT: '街道', TOWN: '镇', TOWNSHIP: '乡' };
const TOWNSHIP_FIRST_CODE: Record<TownshipKind, number> = { SUBDISTRICT: 1, TOWN: 101, TOWNSHIP: 201 };

function communityStem(rng: DemoRandom): string {
  return rng.pick(COMMUNITY_NAMES) + (rng.chance(0.3) ? rng.pick(['一', '二', '新']) : '');
}

// Many villages are named after the clan that founded them (王家, 李宅), the rest after the landscape.
function villageStem(rng: DemoRandom): string {
  return rng.chance(0.35)
    ? rng.pick(VILLAGE_SURNAMES) + rng.pick(VILLAGE_SUFFIXES)
    : rng.pick(PLACE_FIRST) + rng.pick(PLACE_SECOND);
}

/** Splits `total` into integers proportional to `weights` (largest remainder), each at least `min`. */
export function apportion(total: number, weights: readonly number[], min: number): number[] {
  const spare = total - min * weights.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (spare * w) / sum);
  const counts = exact.map((x) => min + Math.floor(x));
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  let left = total - counts.reduce((a, b) => a + b, 0);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    counts[i]! += 1;
  }
  return counts;
}

/** One county's townships and villages, the same for a given seed and county whatever else is generated. */
export function buildDemoCountyTree(random: DemoRandom, spec: DemoCountySpec): DemoCountyTree {
  const rng = random.fork(`regions:${spec.code6}`);
  const countyCode = `${spec.code6}000000`;
  const county: DemoRegion = { code: countyCode, name: spec.name, level: 'COUNTY', parentCode: null };

  const subdistricts = rng.int(2, 3);
  const townshipCount = rng.int(18, 20);
  const towns = rng.int(9, 11);
  const kinds: TownshipKind[] = [
    ...Array<TownshipKind>(subdistricts).fill('SUBDISTRICT'),
    ...Array<TownshipKind>(towns).fill('TOWN'),
    ...Array<TownshipKind>(townshipCount - subdistricts - towns).fill('TOWNSHIP'),
  ];
  const villageTotal = rng.int(430, 470);
  const villageCounts = apportion(
    villageTotal,
    kinds.map((kind) => TOWNSHIP_WEIGHT[kind] * (0.8 + 0.4 * rng.next())),
    4,
  );

  const townshipNames = new Set<string>();
  const villageNames = new Set<string>();
  const nextCode: Record<TownshipKind, number> = { ...TOWNSHIP_FIRST_CODE };
  const townships = kinds.map((kind, t): DemoTownship => {
    const code = `${spec.code6}${pad(nextCode[kind]++, 3)}000`;
    const stem =
      kind === 'SUBDISTRICT'
        ? uniqueName(townshipNames, () => rng.pick(SUBDISTRICT_NAMES))
        : uniqueName(townshipNames, () => `${rng.pick(PLACE_FIRST)}${rng.pick(PLACE_SECOND)}`);
    const region: DemoRegion = {
      code,
      name: `${stem}${TOWNSHIP_SUFFIX[kind]}`,
      level: 'TOWNSHIP',
      parentCode: countyCode,
      kind,
    };
    const count = villageCounts[t]!;
    const communities =
      kind === 'SUBDISTRICT' ? count : kind === 'TOWN' ? rng.int(1, 3) : rng.chance(0.3) ? 1 : 0;
    const villages: DemoVillage[] = [];
    for (let v = 0; v < count; v++) {
      const isCommunity = v < communities;
      const villageCode = `${code.slice(0, 9)}${pad(isCommunity ? v + 1 : 201 + v - communities, 3)}`;
      const name = isCommunity
        ? `${uniqueName(villageNames, () => communityStem(rng))}社区`
        : `${uniqueName(villageNames, () => villageStem(rng))}村`;
      villages.push({
        region: {
          code: villageCode,
          name,
          level: 'VILLAGE',
          parentCode: code,
          kind: isCommunity ? 'COMMUNITY' : 'VILLAGE',
        },
        groupCount: isCommunity ? rng.int(3, 8) : rng.int(3, 12),
      });
    }
    return { region, villages };
  });
  return { spec, county, townships };
}

export function demoGroupCode(villageCode: string, groupNumber: number): string {
  return `${villageCode}-${pad(groupNumber, 2)}`;
}

/** The tree in parent-before-child order, so that a loader can insert rows as they come. */
export function* demoCountyRegions(tree: DemoCountyTree): Generator<DemoRegion> {
  yield tree.county;
  for (const township of tree.townships) {
    yield township.region;
    for (const { region, groupCount } of township.villages) {
      yield region;
      const groupWord = region.kind === 'COMMUNITY' ? '居民小组' : '村民小组';
      for (let g = 1; g <= groupCount; g++) {
        yield {
          code: demoGroupCode(region.code, g),
          name: `第${chineseNumber(g)}${groupWord}`,
          level: 'GROUP',
          parentCode: region.code,
          kind: 'GROUP',
        };
      }
    }
  }
}

export function demoCountyVillages(tree: DemoCountyTree): DemoVillage[] {
  return tree.townships.flatMap((township) => township.villages);
}

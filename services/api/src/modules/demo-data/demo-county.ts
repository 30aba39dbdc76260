import { buildDemoMoney, type DemoMoney } from './demo-money.ts';
import { buildDemoPolicies, type DemoPolicy } from './demo-policies.ts';
import { DemoRandom } from './demo-random.ts';
import {
  buildDemoCountyTree,
  type DemoCountySpec,
  type DemoCountyTree,
  type DemoRegion,
  demoCountyRegions,
  demoCountySpecs,
  PROVINCE_COUNTY_COUNT,
} from './demo-regions.ts';
import { buildDemoRegistry, type DemoRegistry } from './demo-registry.ts';
import { buildDemoUsers, type DemoUser } from './demo-users.ts';

export { DEMO_PASSWORD } from './demo-users.ts';

export type DemoScale = 'county' | 'province';

export interface DemoCountyOptions {
  seed: number | string;
  scale: DemoScale;
}

/** Everything of one county. Its registry is large (about 140,000 persons), so it is built on demand. */
export interface DemoCountyPart {
  spec: DemoCountySpec;
  /** Parent before child. */
  regions: DemoRegion[];
  users: DemoUser[];
  policies: DemoPolicy[];
  /** Builds the county's registry afresh on each call (pure): hold it only while it is needed. */
  registry(): DemoRegistry;
  /** The county's money to families (programs, rolls, payments), drawn from its registry (pure). */
  money(registry: DemoRegistry): DemoMoney;
}

export interface DemoCounty {
  /** The generated counties: the home county 青山县 (330199) first, then 99 more at province scale. */
  counties: DemoCountySpec[];
  /** Re-iterable, parent before child; regenerated on each pass rather than held. */
  regions: Iterable<DemoRegion>;
  users: DemoUser[];
  policies: DemoPolicy[];
  /**
   * County by county, each generated when reached, so that a loader holds one county at a time:
   * province scale is 14 million persons.
   */
  parts(): Iterable<DemoCountyPart>;
}

/**
 * A fictional county (or a province of 100 counties) for demos, tests and benchmarks. Pure and
 * deterministic: the same options give byte-identical output on every machine, and the home county is
 * the same at both scales. Every county's part is derived from its own random streams, so one county can
 * be regenerated without the others, which is what keeps the province stream in bounded memory.
 */
export function generateDemoCounty(options: DemoCountyOptions): DemoCounty {
  const random = new DemoRandom(`sunshine-demo:${options.seed}`);
  const province = options.scale === 'province';
  const counties = demoCountySpecs(random, province ? PROVINCE_COUNTY_COUNT : 1);
  const usernamePrefix = (spec: DemoCountySpec): string => (province ? `${spec.code6}.` : '');

  // A county's tree is a few thousand objects: cheap to rebuild, so streams rebuild it rather than keep
  // a hundred of them alive.
  function* trees(): Generator<DemoCountyTree> {
    for (const spec of counties) yield buildDemoCountyTree(random, spec);
  }

  const users: DemoUser[] = [];
  const policies: DemoPolicy[] = [];
  for (const tree of trees()) {
    users.push(...buildDemoUsers(random, tree, usernamePrefix(tree.spec)));
    policies.push(...buildDemoPolicies(random, tree, usernamePrefix(tree.spec)));
  }

  return {
    counties,
    regions: {
      *[Symbol.iterator]() {
        for (const tree of trees()) yield* demoCountyRegions(tree);
      },
    },
    users,
    policies,
    *parts() {
      for (const tree of trees()) {
        const prefix = usernamePrefix(tree.spec);
        yield {
          spec: tree.spec,
          regions: [...demoCountyRegions(tree)],
          users: buildDemoUsers(random, tree, prefix),
          policies: buildDemoPolicies(random, tree, prefix),
          registry: () => buildDemoRegistry(random, tree, prefix),
          money: (registry) => buildDemoMoney(random, tree, registry, prefix),
        };
      }
    },
  };
}

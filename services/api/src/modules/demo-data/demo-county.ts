import { type DemoPerson, demoCountyPersons } from './demo-persons.ts';
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
import { buildDemoUsers, type DemoUser } from './demo-users.ts';

export { DEMO_PASSWORD } from './demo-users.ts';

export type DemoScale = 'county' | 'province';

export interface DemoCountyOptions {
  seed: number | string;
  scale: DemoScale;
}

export interface DemoCounty {
  /** The generated counties: the home county 青山县 (330199) first, then 99 more at province scale. */
  counties: DemoCountySpec[];
  /** Re-iterable, parent before child; regenerated on each pass rather than held. */
  regions: Iterable<DemoRegion>;
  users: DemoUser[];
  policies: DemoPolicy[];
  /**
   * A fresh stream of persons on each call (county by county, village by village), so that a loader can
   * pipe it into COPY without holding it: province scale is hundreds of thousands of rows.
   */
  persons: () => Iterable<DemoPerson>;
}

/**
 * A fictional county (or a province of 100 counties) for demos, tests and benchmarks. Pure and
 * deterministic: the same options give byte-identical output on every machine, and the home county is
 * the same at both scales. Every county's part is derived from its own random stream, so one county can
 * be regenerated without the others, which is what keeps the province stream in bounded memory.
 */
export function generateDemoCounty(options: DemoCountyOptions): DemoCounty {
  const random = new DemoRandom(`sunshine-demo:${options.seed}`);
  const province = options.scale === 'province';
  const counties = demoCountySpecs(random, province ? PROVINCE_COUNTY_COUNT : 1);
  const usernamePrefix = (spec: DemoCountySpec): string => (province ? `${spec.code6}.` : '');

  // A county's tree is a few hundred objects: cheap to rebuild, so streams rebuild it rather than keep
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
    persons: function* () {
      for (const tree of trees()) yield* demoCountyPersons(random, tree);
    },
  };
}

import {
  buildDemoAssociations,
  buildDemoMembers,
  type DemoAssociation,
  type DemoMember,
} from './demo-associations.ts';
import { buildDemoAwards, type DemoAwardRound } from './demo-awards.ts';
import {
  buildDemoPeople,
  type DemoHousehold,
  type DemoPlantedPersonProblems,
  PLANTED_PER_COUNTY,
} from './demo-households.ts';
import { buildDemoImportJobs, type DemoImportJob } from './demo-imports.ts';
import type { DemoPerson } from './demo-persons.ts';
import type { DemoRandom } from './demo-random.ts';
import type { DemoCountyTree } from './demo-regions.ts';
import { buildDemoWork, type DemoActivity, type DemoEvaluation, type DemoProject } from './demo-work.ts';

export interface DemoPlantedProblems extends DemoPlantedPersonProblems {
  /** `<association code>/<resident ID>` of members who keep contact with no household. */
  membersWithoutContact: string[];
  /** `<association code>/<year>Q<quarter>`: quarters without a single recorded activity. */
  skippedQuarters: string[];
}

/** One county's registry: everything but its regions, users and policies. */
export interface DemoRegistry {
  households: DemoHousehold[];
  persons: DemoPerson[];
  associations: DemoAssociation[];
  members: DemoMember[];
  activities: DemoActivity[];
  projects: DemoProject[];
  evaluations: DemoEvaluation[];
  /** Finished spreadsheet imports. */
  importJobs: DemoImportJob[];
  /** Commendation rounds and their recipients. */
  awards: DemoAwardRound[];
  /** The county admin who recorded the sensitive household statuses. */
  recordedByUsername: string;
  planted: DemoPlantedProblems;
}

/**
 * Builds one county's registry from its own random streams: the same county gives the same registry
 * whether it is generated alone or as part of a province.
 */
export function buildDemoRegistry(
  random: DemoRandom,
  tree: DemoCountyTree,
  usernamePrefix = '',
): DemoRegistry {
  const people = buildDemoPeople(random, tree);
  const associations = buildDemoAssociations(random, tree);
  const membership = buildDemoMembers(
    random,
    tree,
    people,
    associations,
    PLANTED_PER_COUNTY.membersWithoutContact,
  );
  // Villages' associations are assessed by their township, townships' by the county.
  const evaluatorOf = (a: DemoAssociation): string | null =>
    a.level === 'VILLAGE'
      ? `${usernamePrefix}township.${a.regionCode.slice(6, 9)}`
      : a.level === 'TOWNSHIP'
        ? `${usernamePrefix}county.admin`
        : null;
  const work = buildDemoWork(random.fork(`work:${tree.spec.code6}`), associations, evaluatorOf);
  return {
    households: people.households,
    persons: people.persons,
    associations,
    members: membership.members,
    activities: work.activities,
    projects: work.projects,
    evaluations: work.evaluations,
    importJobs: buildDemoImportJobs(random, tree, people, usernamePrefix),
    awards: buildDemoAwards(
      random,
      tree,
      { associations, members: membership.members, persons: people.persons },
      usernamePrefix,
    ),
    recordedByUsername: `${usernamePrefix}county.admin`,
    planted: {
      ...people.planted,
      membersWithoutContact: membership.withoutContact,
      skippedQuarters: work.skippedQuarters,
    },
  };
}

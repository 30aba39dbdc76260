import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import pino, { type Logger } from 'pino';
import type { ApiConfig } from './config.ts';
import { createBulkPool } from './db/bulk-pool.ts';
import { ActivityService } from './modules/activities/activity.service.ts';
import { AssociationService } from './modules/associations/association.service.ts';
import { AuditService } from './modules/audit/audit.service.ts';
import { AwardService } from './modules/awards/award.service.ts';
import { DataQualityService } from './modules/data-quality/data-quality.service.ts';
import { DisbursementService } from './modules/disbursements/disbursement.service.ts';
import { DisclosureService } from './modules/disclosures/disclosure.service.ts';
import { EnrollmentService } from './modules/enrollments/enrollment.service.ts';
import { EvaluationService } from './modules/evaluations/evaluation.service.ts';
import { ExportService } from './modules/exports/export.service.ts';
import { HouseholdService } from './modules/households/household.service.ts';
import { IdentityService } from './modules/identity/identity.service.ts';
import { ImportService } from './modules/imports/import-job.service.ts';
import { MemberService } from './modules/members/member.service.ts';
import { NoticeService } from './modules/notices/notice.service.ts';
import { PayeeService } from './modules/payees/payee.service.ts';
import { DuplicateFlagService } from './modules/persons/duplicate-flag.service.ts';
import { PersonService } from './modules/persons/person.service.ts';
import { PolicyService } from './modules/policies/policy.service.ts';
import { ProgramService } from './modules/programs/program.service.ts';
import { ProjectService } from './modules/projects/project.service.ts';
import { PublicationService } from './modules/publications/publication.service.ts';
import { writePublicationFiles } from './modules/publications/write-publication-files.ts';
import { RegionService } from './modules/regions/region.service.ts';

export interface Services {
  identity: IdentityService;
  regions: RegionService;
  policies: PolicyService;
  disclosures: DisclosureService;
  publications: PublicationService;
  associations: AssociationService;
  members: MemberService;
  activities: ActivityService;
  projects: ProjectService;
  evaluations: EvaluationService;
  persons: PersonService;
  households: HouseholdService;
  duplicateFlags: DuplicateFlagService;
  dataQuality: DataQualityService;
  imports: ImportService;
  exports: ExportService;
  payees: PayeeService;
  disbursements: DisbursementService;
  programs: ProgramService;
  enrollments: EnrollmentService;
  notices: NoticeService;
  audit: AuditService;
  awards: AwardService;
}

export function createServices(
  orm: MikroORM,
  publicSchema: GraphQLSchema,
  config: Pick<ApiConfig, 'sessionIdleMinutes' | 'sessionMaxHours' | 'publicationsDir' | 'residentIdHmacKey'>,
  logger: Logger = pino({ level: 'silent' }),
): Services {
  // Imports (COPY) and exports (cursors) need connections of their own; ImportService.close ends them.
  const bulkPool = createBulkPool(orm);
  return {
    identity: new IdentityService(orm, config),
    regions: new RegionService(orm),
    policies: new PolicyService(orm),
    disclosures: new DisclosureService(orm, publicSchema),
    publications: new PublicationService(orm, publicSchema, (files) =>
      writePublicationFiles(config.publicationsDir, files),
    ),
    associations: new AssociationService(orm),
    members: new MemberService(orm),
    activities: new ActivityService(orm),
    projects: new ProjectService(orm),
    evaluations: new EvaluationService(orm),
    persons: new PersonService(orm, config, logger),
    households: new HouseholdService(orm),
    duplicateFlags: new DuplicateFlagService(orm),
    dataQuality: new DataQualityService(orm),
    imports: new ImportService(orm, bulkPool, {
      hmacKey: config.residentIdHmacKey,
      filesDir: path.join(tmpdir(), 'sunshine-imports'),
    }),
    exports: new ExportService(bulkPool),
    payees: new PayeeService(orm),
    disbursements: new DisbursementService(orm),
    programs: new ProgramService(orm),
    enrollments: new EnrollmentService(orm),
    notices: new NoticeService(orm),
    audit: new AuditService(orm),
    awards: new AwardService(orm),
  };
}

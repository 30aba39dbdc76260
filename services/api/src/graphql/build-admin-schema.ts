import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ActivityResolver } from '../modules/activities/activity.resolver.ts';
import { AssociationResolver } from '../modules/associations/association.resolver.ts';
import { AuditResolver } from '../modules/audit/audit.resolver.ts';
import { AwardRecipientResolver, AwardRoundResolver } from '../modules/awards/award.resolver.ts';
import { DataQualityResolver } from '../modules/data-quality/data-quality.resolver.ts';
import {
  DisbursementBatchResolver,
  PaymentResolver,
} from '../modules/disbursements/disbursement.resolver.ts';
import { DisclosureResolver } from '../modules/disclosures/disclosure.resolver.ts';
import { EnrollmentResolver } from '../modules/enrollments/enrollment.resolver.ts';
import { EvaluationResolver } from '../modules/evaluations/evaluation.resolver.ts';
import { HouseholdResolver } from '../modules/households/household.resolver.ts';
import { IdentityResolver } from '../modules/identity/identity.resolver.ts';
import { ImportJobResolver } from '../modules/imports/import-job.resolver.ts';
import { AssociationMembersResolver, MemberResolver } from '../modules/members/member.resolver.ts';
import { NoticeResolver } from '../modules/notices/notice.resolver.ts';
import { PayeeResolver } from '../modules/payees/payee.resolver.ts';
import { DuplicateFlagResolver } from '../modules/persons/duplicate-flag.resolver.ts';
import { PersonResolver } from '../modules/persons/person.resolver.ts';
import { PolicyResolver } from '../modules/policies/policy.resolver.ts';
import { ProgramResolver } from '../modules/programs/program.resolver.ts';
import { ProjectResolver } from '../modules/projects/project.resolver.ts';
import { RegionResolver } from '../modules/regions/region.resolver.ts';

export async function buildAdminSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      IdentityResolver,
      RegionResolver,
      PolicyResolver,
      DisclosureResolver,
      AssociationResolver,
      MemberResolver,
      AssociationMembersResolver,
      ActivityResolver,
      ProjectResolver,
      EvaluationResolver,
      PersonResolver,
      HouseholdResolver,
      DuplicateFlagResolver,
      DataQualityResolver,
      ImportJobResolver,
      PayeeResolver,
      DisbursementBatchResolver,
      PaymentResolver,
      ProgramResolver,
      EnrollmentResolver,
      NoticeResolver,
      AuditResolver,
      AwardRoundResolver,
      AwardRecipientResolver,
    ],
    validate: false,
  });
}

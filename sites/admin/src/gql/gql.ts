/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AuditEvents($filter: AuditEventFilter, $after: String) {\n    auditEvents(first: 50, after: $after, filter: $filter) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          at\n          action\n          entity\n          entityId\n          userRole\n          regionCode\n          chainSeq\n          rowSha256\n          sensitive\n        }\n      }\n    }\n  }\n": typeof types.AuditEventsDocument,
    "\n  query VerifyAuditChain {\n    auditChainVerification {\n      intact\n      checkedAt\n      verifiedRows\n      headSeq\n      headSha256\n      firstBrokenSeq\n      firstBrokenEventId\n      problem\n    }\n  }\n": typeof types.VerifyAuditChainDocument,
    "\n  query Dashboard($regionCode: String!, $county: Boolean!) {\n    submitted: enrollments(first: 1, filter: { regionCode: $regionCode, status: SUBMITTED }) {\n      totalCount\n    }\n    reviewed: enrollments(first: 1, filter: { regionCode: $regionCode, status: REVIEWED }) {\n      totalCount\n    }\n    rejected: enrollments(first: 1, filter: { regionCode: $regionCode, status: REJECTED }) {\n      totalCount\n    }\n    openNotices: notices(first: 100, filter: { regionCode: $regionCode, status: OPEN }) {\n      totalCount\n      edges {\n        node {\n          id\n          openObjectionCount\n        }\n      }\n    }\n    draftBatches: disbursementBatches(first: 1, filter: { regionCode: $regionCode, status: DRAFT }) @include(if: $county) {\n      totalCount\n    }\n    disclosures @include(if: $county) {\n      id\n      documentSha256\n      approvedSha256\n      draftedByViewer\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  query DashboardDataQuality($regionCode: String!) {\n    dataQualityReport(regionCode: $regionCode) {\n      quarter\n      checks {\n        check\n        count\n        visible\n      }\n    }\n  }\n": typeof types.DashboardDataQualityDocument,
    "\n  query ImportJobs($after: String) {\n    importJobs(first: 30, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          kind\n          fileName\n          status\n          rowsParsed\n          errorCount\n          rowsCommitted\n          createdAt\n        }\n      }\n    }\n  }\n": typeof types.ImportJobsDocument,
    "\n  query ImportJob($id: ID!, $offset: Int!) {\n    importJob(id: $id) {\n      id\n      kind\n      fileName\n      fileBytes\n      fileSha256\n      status\n      failureCode\n      rowsParsed\n      rowsValidated\n      rowsCommitted\n      rowsChanged\n      errorCount\n      errorReportUrl\n      createdAt\n      finishedAt\n      errors(first: 100, offset: $offset) {\n        totalCount\n        storedCount\n        nodes {\n          row\n          column\n          code\n          messageZh\n          messageEn\n        }\n      }\n    }\n  }\n": typeof types.ImportJobDocument,
    "\n  mutation CommitImport($id: ID!) {\n    commitImport(id: $id) {\n      id\n      status\n      rowsCommitted\n    }\n  }\n": typeof types.CommitImportDocument,
    "\n  query Persons($filter: PersonFilter, $after: String) {\n    persons(first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          sex\n          birthDate\n          residentIdMasked\n          registeredRegion {\n            id\n            name\n          }\n          deceasedOn\n          movedAwayOn\n        }\n      }\n    }\n  }\n": typeof types.PersonsDocument,
    "\n  query Person($id: ID!) {\n    person(id: $id) {\n      id\n      name\n      sex\n      birthDate\n      residentIdMasked\n      phoneMasked\n      relation\n      deceasedOn\n      movedAwayOn\n      version\n      registeredRegion {\n        id\n        code\n        name\n      }\n      currentRegion {\n        id\n        name\n      }\n      household {\n        id\n        code\n        planningStatus\n        inDifficulty\n        sensitiveStatus\n        sensitiveStatusVisible\n        members {\n          id\n          name\n          relation\n        }\n      }\n    }\n  }\n": typeof types.PersonDocument,
    "\n  query PersonResidentId($id: ID!) {\n    personResidentId(id: $id)\n  }\n": typeof types.PersonResidentIdDocument,
    "\n  fragment PolicyFields on Policy {\n    id\n    title\n    documentNumber\n    issuingBody\n    category\n    status\n    issueDate\n    effectiveDate\n    expiryDate\n    bodyMarkdown\n    attachments {\n      fileName\n      mediaType\n      byteSize\n    }\n    region {\n      id\n      code\n      name\n    }\n    version\n    publishedAt\n    withdrawnAt\n    withdrawalReason\n    updatedAt\n  }\n": typeof types.PolicyFieldsFragmentDoc,
    "\n  query Policies($filter: PolicyFilter, $after: String) {\n    policies(first: 50, after: $after, filter: $filter, orderBy: { field: ISSUE_DATE, direction: DESC }) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          documentNumber\n          category\n          status\n          issueDate\n          region {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.PoliciesDocument,
    "\n  query Policy($id: ID!) {\n    policy(id: $id) {\n      ...PolicyFields\n    }\n  }\n": typeof types.PolicyDocument,
    "\n  query PolicyPreview($bodyMarkdown: String!) {\n    policyPreview(bodyMarkdown: $bodyMarkdown)\n  }\n": typeof types.PolicyPreviewDocument,
    "\n  mutation CreatePolicy($input: PolicyInput!) {\n    createPolicy(input: $input) {\n      ...PolicyFields\n    }\n  }\n": typeof types.CreatePolicyDocument,
    "\n  mutation UpdatePolicy($id: ID!, $expectedVersion: Int!, $input: PolicyInput!) {\n    updatePolicy(id: $id, expectedVersion: $expectedVersion, input: $input) {\n      ...PolicyFields\n    }\n  }\n": typeof types.UpdatePolicyDocument,
    "\n  mutation PublishPolicy($id: ID!, $expectedVersion: Int!) {\n    publishPolicy(id: $id, expectedVersion: $expectedVersion) {\n      ...PolicyFields\n    }\n  }\n": typeof types.PublishPolicyDocument,
    "\n  mutation WithdrawPolicy($id: ID!, $expectedVersion: Int!, $reason: String!) {\n    withdrawPolicy(id: $id, expectedVersion: $expectedVersion, reason: $reason) {\n      ...PolicyFields\n    }\n  }\n": typeof types.WithdrawPolicyDocument,
    "\n  mutation SignIn($username: String!, $password: String!) {\n    signIn(username: $username, password: $password) {\n      id\n      username\n    }\n  }\n": typeof types.SignInDocument,
    "\n  query ChildRegions($parentCode: String) {\n    regions(parentCode: $parentCode) {\n      id\n      code\n      name\n      level\n    }\n  }\n": typeof types.ChildRegionsDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      username\n      displayName\n      role\n      region {\n        id\n        code\n        name\n        level\n      }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
};
const documents: Documents = {
    "\n  query AuditEvents($filter: AuditEventFilter, $after: String) {\n    auditEvents(first: 50, after: $after, filter: $filter) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          at\n          action\n          entity\n          entityId\n          userRole\n          regionCode\n          chainSeq\n          rowSha256\n          sensitive\n        }\n      }\n    }\n  }\n": types.AuditEventsDocument,
    "\n  query VerifyAuditChain {\n    auditChainVerification {\n      intact\n      checkedAt\n      verifiedRows\n      headSeq\n      headSha256\n      firstBrokenSeq\n      firstBrokenEventId\n      problem\n    }\n  }\n": types.VerifyAuditChainDocument,
    "\n  query Dashboard($regionCode: String!, $county: Boolean!) {\n    submitted: enrollments(first: 1, filter: { regionCode: $regionCode, status: SUBMITTED }) {\n      totalCount\n    }\n    reviewed: enrollments(first: 1, filter: { regionCode: $regionCode, status: REVIEWED }) {\n      totalCount\n    }\n    rejected: enrollments(first: 1, filter: { regionCode: $regionCode, status: REJECTED }) {\n      totalCount\n    }\n    openNotices: notices(first: 100, filter: { regionCode: $regionCode, status: OPEN }) {\n      totalCount\n      edges {\n        node {\n          id\n          openObjectionCount\n        }\n      }\n    }\n    draftBatches: disbursementBatches(first: 1, filter: { regionCode: $regionCode, status: DRAFT }) @include(if: $county) {\n      totalCount\n    }\n    disclosures @include(if: $county) {\n      id\n      documentSha256\n      approvedSha256\n      draftedByViewer\n    }\n  }\n": types.DashboardDocument,
    "\n  query DashboardDataQuality($regionCode: String!) {\n    dataQualityReport(regionCode: $regionCode) {\n      quarter\n      checks {\n        check\n        count\n        visible\n      }\n    }\n  }\n": types.DashboardDataQualityDocument,
    "\n  query ImportJobs($after: String) {\n    importJobs(first: 30, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          kind\n          fileName\n          status\n          rowsParsed\n          errorCount\n          rowsCommitted\n          createdAt\n        }\n      }\n    }\n  }\n": types.ImportJobsDocument,
    "\n  query ImportJob($id: ID!, $offset: Int!) {\n    importJob(id: $id) {\n      id\n      kind\n      fileName\n      fileBytes\n      fileSha256\n      status\n      failureCode\n      rowsParsed\n      rowsValidated\n      rowsCommitted\n      rowsChanged\n      errorCount\n      errorReportUrl\n      createdAt\n      finishedAt\n      errors(first: 100, offset: $offset) {\n        totalCount\n        storedCount\n        nodes {\n          row\n          column\n          code\n          messageZh\n          messageEn\n        }\n      }\n    }\n  }\n": types.ImportJobDocument,
    "\n  mutation CommitImport($id: ID!) {\n    commitImport(id: $id) {\n      id\n      status\n      rowsCommitted\n    }\n  }\n": types.CommitImportDocument,
    "\n  query Persons($filter: PersonFilter, $after: String) {\n    persons(first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          sex\n          birthDate\n          residentIdMasked\n          registeredRegion {\n            id\n            name\n          }\n          deceasedOn\n          movedAwayOn\n        }\n      }\n    }\n  }\n": types.PersonsDocument,
    "\n  query Person($id: ID!) {\n    person(id: $id) {\n      id\n      name\n      sex\n      birthDate\n      residentIdMasked\n      phoneMasked\n      relation\n      deceasedOn\n      movedAwayOn\n      version\n      registeredRegion {\n        id\n        code\n        name\n      }\n      currentRegion {\n        id\n        name\n      }\n      household {\n        id\n        code\n        planningStatus\n        inDifficulty\n        sensitiveStatus\n        sensitiveStatusVisible\n        members {\n          id\n          name\n          relation\n        }\n      }\n    }\n  }\n": types.PersonDocument,
    "\n  query PersonResidentId($id: ID!) {\n    personResidentId(id: $id)\n  }\n": types.PersonResidentIdDocument,
    "\n  fragment PolicyFields on Policy {\n    id\n    title\n    documentNumber\n    issuingBody\n    category\n    status\n    issueDate\n    effectiveDate\n    expiryDate\n    bodyMarkdown\n    attachments {\n      fileName\n      mediaType\n      byteSize\n    }\n    region {\n      id\n      code\n      name\n    }\n    version\n    publishedAt\n    withdrawnAt\n    withdrawalReason\n    updatedAt\n  }\n": types.PolicyFieldsFragmentDoc,
    "\n  query Policies($filter: PolicyFilter, $after: String) {\n    policies(first: 50, after: $after, filter: $filter, orderBy: { field: ISSUE_DATE, direction: DESC }) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          documentNumber\n          category\n          status\n          issueDate\n          region {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.PoliciesDocument,
    "\n  query Policy($id: ID!) {\n    policy(id: $id) {\n      ...PolicyFields\n    }\n  }\n": types.PolicyDocument,
    "\n  query PolicyPreview($bodyMarkdown: String!) {\n    policyPreview(bodyMarkdown: $bodyMarkdown)\n  }\n": types.PolicyPreviewDocument,
    "\n  mutation CreatePolicy($input: PolicyInput!) {\n    createPolicy(input: $input) {\n      ...PolicyFields\n    }\n  }\n": types.CreatePolicyDocument,
    "\n  mutation UpdatePolicy($id: ID!, $expectedVersion: Int!, $input: PolicyInput!) {\n    updatePolicy(id: $id, expectedVersion: $expectedVersion, input: $input) {\n      ...PolicyFields\n    }\n  }\n": types.UpdatePolicyDocument,
    "\n  mutation PublishPolicy($id: ID!, $expectedVersion: Int!) {\n    publishPolicy(id: $id, expectedVersion: $expectedVersion) {\n      ...PolicyFields\n    }\n  }\n": types.PublishPolicyDocument,
    "\n  mutation WithdrawPolicy($id: ID!, $expectedVersion: Int!, $reason: String!) {\n    withdrawPolicy(id: $id, expectedVersion: $expectedVersion, reason: $reason) {\n      ...PolicyFields\n    }\n  }\n": types.WithdrawPolicyDocument,
    "\n  mutation SignIn($username: String!, $password: String!) {\n    signIn(username: $username, password: $password) {\n      id\n      username\n    }\n  }\n": types.SignInDocument,
    "\n  query ChildRegions($parentCode: String) {\n    regions(parentCode: $parentCode) {\n      id\n      code\n      name\n      level\n    }\n  }\n": types.ChildRegionsDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      username\n      displayName\n      role\n      region {\n        id\n        code\n        name\n        level\n      }\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEvents($filter: AuditEventFilter, $after: String) {\n    auditEvents(first: 50, after: $after, filter: $filter) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          at\n          action\n          entity\n          entityId\n          userRole\n          regionCode\n          chainSeq\n          rowSha256\n          sensitive\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditEvents($filter: AuditEventFilter, $after: String) {\n    auditEvents(first: 50, after: $after, filter: $filter) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          at\n          action\n          entity\n          entityId\n          userRole\n          regionCode\n          chainSeq\n          rowSha256\n          sensitive\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyAuditChain {\n    auditChainVerification {\n      intact\n      checkedAt\n      verifiedRows\n      headSeq\n      headSha256\n      firstBrokenSeq\n      firstBrokenEventId\n      problem\n    }\n  }\n"): (typeof documents)["\n  query VerifyAuditChain {\n    auditChainVerification {\n      intact\n      checkedAt\n      verifiedRows\n      headSeq\n      headSha256\n      firstBrokenSeq\n      firstBrokenEventId\n      problem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard($regionCode: String!, $county: Boolean!) {\n    submitted: enrollments(first: 1, filter: { regionCode: $regionCode, status: SUBMITTED }) {\n      totalCount\n    }\n    reviewed: enrollments(first: 1, filter: { regionCode: $regionCode, status: REVIEWED }) {\n      totalCount\n    }\n    rejected: enrollments(first: 1, filter: { regionCode: $regionCode, status: REJECTED }) {\n      totalCount\n    }\n    openNotices: notices(first: 100, filter: { regionCode: $regionCode, status: OPEN }) {\n      totalCount\n      edges {\n        node {\n          id\n          openObjectionCount\n        }\n      }\n    }\n    draftBatches: disbursementBatches(first: 1, filter: { regionCode: $regionCode, status: DRAFT }) @include(if: $county) {\n      totalCount\n    }\n    disclosures @include(if: $county) {\n      id\n      documentSha256\n      approvedSha256\n      draftedByViewer\n    }\n  }\n"): (typeof documents)["\n  query Dashboard($regionCode: String!, $county: Boolean!) {\n    submitted: enrollments(first: 1, filter: { regionCode: $regionCode, status: SUBMITTED }) {\n      totalCount\n    }\n    reviewed: enrollments(first: 1, filter: { regionCode: $regionCode, status: REVIEWED }) {\n      totalCount\n    }\n    rejected: enrollments(first: 1, filter: { regionCode: $regionCode, status: REJECTED }) {\n      totalCount\n    }\n    openNotices: notices(first: 100, filter: { regionCode: $regionCode, status: OPEN }) {\n      totalCount\n      edges {\n        node {\n          id\n          openObjectionCount\n        }\n      }\n    }\n    draftBatches: disbursementBatches(first: 1, filter: { regionCode: $regionCode, status: DRAFT }) @include(if: $county) {\n      totalCount\n    }\n    disclosures @include(if: $county) {\n      id\n      documentSha256\n      approvedSha256\n      draftedByViewer\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardDataQuality($regionCode: String!) {\n    dataQualityReport(regionCode: $regionCode) {\n      quarter\n      checks {\n        check\n        count\n        visible\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashboardDataQuality($regionCode: String!) {\n    dataQualityReport(regionCode: $regionCode) {\n      quarter\n      checks {\n        check\n        count\n        visible\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportJobs($after: String) {\n    importJobs(first: 30, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          kind\n          fileName\n          status\n          rowsParsed\n          errorCount\n          rowsCommitted\n          createdAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ImportJobs($after: String) {\n    importJobs(first: 30, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          kind\n          fileName\n          status\n          rowsParsed\n          errorCount\n          rowsCommitted\n          createdAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportJob($id: ID!, $offset: Int!) {\n    importJob(id: $id) {\n      id\n      kind\n      fileName\n      fileBytes\n      fileSha256\n      status\n      failureCode\n      rowsParsed\n      rowsValidated\n      rowsCommitted\n      rowsChanged\n      errorCount\n      errorReportUrl\n      createdAt\n      finishedAt\n      errors(first: 100, offset: $offset) {\n        totalCount\n        storedCount\n        nodes {\n          row\n          column\n          code\n          messageZh\n          messageEn\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ImportJob($id: ID!, $offset: Int!) {\n    importJob(id: $id) {\n      id\n      kind\n      fileName\n      fileBytes\n      fileSha256\n      status\n      failureCode\n      rowsParsed\n      rowsValidated\n      rowsCommitted\n      rowsChanged\n      errorCount\n      errorReportUrl\n      createdAt\n      finishedAt\n      errors(first: 100, offset: $offset) {\n        totalCount\n        storedCount\n        nodes {\n          row\n          column\n          code\n          messageZh\n          messageEn\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CommitImport($id: ID!) {\n    commitImport(id: $id) {\n      id\n      status\n      rowsCommitted\n    }\n  }\n"): (typeof documents)["\n  mutation CommitImport($id: ID!) {\n    commitImport(id: $id) {\n      id\n      status\n      rowsCommitted\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Persons($filter: PersonFilter, $after: String) {\n    persons(first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          sex\n          birthDate\n          residentIdMasked\n          registeredRegion {\n            id\n            name\n          }\n          deceasedOn\n          movedAwayOn\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Persons($filter: PersonFilter, $after: String) {\n    persons(first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          sex\n          birthDate\n          residentIdMasked\n          registeredRegion {\n            id\n            name\n          }\n          deceasedOn\n          movedAwayOn\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Person($id: ID!) {\n    person(id: $id) {\n      id\n      name\n      sex\n      birthDate\n      residentIdMasked\n      phoneMasked\n      relation\n      deceasedOn\n      movedAwayOn\n      version\n      registeredRegion {\n        id\n        code\n        name\n      }\n      currentRegion {\n        id\n        name\n      }\n      household {\n        id\n        code\n        planningStatus\n        inDifficulty\n        sensitiveStatus\n        sensitiveStatusVisible\n        members {\n          id\n          name\n          relation\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Person($id: ID!) {\n    person(id: $id) {\n      id\n      name\n      sex\n      birthDate\n      residentIdMasked\n      phoneMasked\n      relation\n      deceasedOn\n      movedAwayOn\n      version\n      registeredRegion {\n        id\n        code\n        name\n      }\n      currentRegion {\n        id\n        name\n      }\n      household {\n        id\n        code\n        planningStatus\n        inDifficulty\n        sensitiveStatus\n        sensitiveStatusVisible\n        members {\n          id\n          name\n          relation\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonResidentId($id: ID!) {\n    personResidentId(id: $id)\n  }\n"): (typeof documents)["\n  query PersonResidentId($id: ID!) {\n    personResidentId(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PolicyFields on Policy {\n    id\n    title\n    documentNumber\n    issuingBody\n    category\n    status\n    issueDate\n    effectiveDate\n    expiryDate\n    bodyMarkdown\n    attachments {\n      fileName\n      mediaType\n      byteSize\n    }\n    region {\n      id\n      code\n      name\n    }\n    version\n    publishedAt\n    withdrawnAt\n    withdrawalReason\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment PolicyFields on Policy {\n    id\n    title\n    documentNumber\n    issuingBody\n    category\n    status\n    issueDate\n    effectiveDate\n    expiryDate\n    bodyMarkdown\n    attachments {\n      fileName\n      mediaType\n      byteSize\n    }\n    region {\n      id\n      code\n      name\n    }\n    version\n    publishedAt\n    withdrawnAt\n    withdrawalReason\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Policies($filter: PolicyFilter, $after: String) {\n    policies(first: 50, after: $after, filter: $filter, orderBy: { field: ISSUE_DATE, direction: DESC }) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          documentNumber\n          category\n          status\n          issueDate\n          region {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Policies($filter: PolicyFilter, $after: String) {\n    policies(first: 50, after: $after, filter: $filter, orderBy: { field: ISSUE_DATE, direction: DESC }) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          documentNumber\n          category\n          status\n          issueDate\n          region {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Policy($id: ID!) {\n    policy(id: $id) {\n      ...PolicyFields\n    }\n  }\n"): (typeof documents)["\n  query Policy($id: ID!) {\n    policy(id: $id) {\n      ...PolicyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PolicyPreview($bodyMarkdown: String!) {\n    policyPreview(bodyMarkdown: $bodyMarkdown)\n  }\n"): (typeof documents)["\n  query PolicyPreview($bodyMarkdown: String!) {\n    policyPreview(bodyMarkdown: $bodyMarkdown)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePolicy($input: PolicyInput!) {\n    createPolicy(input: $input) {\n      ...PolicyFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePolicy($input: PolicyInput!) {\n    createPolicy(input: $input) {\n      ...PolicyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePolicy($id: ID!, $expectedVersion: Int!, $input: PolicyInput!) {\n    updatePolicy(id: $id, expectedVersion: $expectedVersion, input: $input) {\n      ...PolicyFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePolicy($id: ID!, $expectedVersion: Int!, $input: PolicyInput!) {\n    updatePolicy(id: $id, expectedVersion: $expectedVersion, input: $input) {\n      ...PolicyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishPolicy($id: ID!, $expectedVersion: Int!) {\n    publishPolicy(id: $id, expectedVersion: $expectedVersion) {\n      ...PolicyFields\n    }\n  }\n"): (typeof documents)["\n  mutation PublishPolicy($id: ID!, $expectedVersion: Int!) {\n    publishPolicy(id: $id, expectedVersion: $expectedVersion) {\n      ...PolicyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawPolicy($id: ID!, $expectedVersion: Int!, $reason: String!) {\n    withdrawPolicy(id: $id, expectedVersion: $expectedVersion, reason: $reason) {\n      ...PolicyFields\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawPolicy($id: ID!, $expectedVersion: Int!, $reason: String!) {\n    withdrawPolicy(id: $id, expectedVersion: $expectedVersion, reason: $reason) {\n      ...PolicyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($username: String!, $password: String!) {\n    signIn(username: $username, password: $password) {\n      id\n      username\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($username: String!, $password: String!) {\n    signIn(username: $username, password: $password) {\n      id\n      username\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChildRegions($parentCode: String) {\n    regions(parentCode: $parentCode) {\n      id\n      code\n      name\n      level\n    }\n  }\n"): (typeof documents)["\n  query ChildRegions($parentCode: String) {\n    regions(parentCode: $parentCode) {\n      id\n      code\n      name\n      level\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      id\n      username\n      displayName\n      role\n      region {\n        id\n        code\n        name\n        level\n      }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      id\n      username\n      displayName\n      role\n      region {\n        id\n        code\n        name\n        level\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
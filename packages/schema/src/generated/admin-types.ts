export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
};

/** 公开事项 / A disclosure: an approved query over the public schema */
export type Disclosure = {
  __typename?: 'Disclosure';
  approvedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  approvedRegionName?: Maybe<Scalars['String']['output']>;
  approvedRole?: Maybe<Role>;
  /** 批准时锁定的查询哈希 / Hash pinned at approval */
  approvedSha256?: Maybe<Scalars['String']['output']>;
  description: Scalars['String']['output'];
  /** 公开数据结构上的 GraphQL 查询 / GraphQL over the public read schema */
  document: Scalars['String']['output'];
  documentSha256: Scalars['String']['output'];
  draftedAt: Scalars['DateTimeISO']['output'];
  /** 起草人是否为当前用户 / Whether you drafted it */
  draftedByViewer: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** 输出字段白名单 / Output field allowlist */
  outputFields: Array<Scalars['String']['output']>;
  pageKind: PageKind;
  parameters: Scalars['JSONObject']['output'];
  region: Region;
  /** 已批准且文本未变 / Approved and unchanged since */
  runnable: Scalars['Boolean']['output'];
  slug: Scalars['String']['output'];
  version: Scalars['Int']['output'];
};

export type DisclosureInput = {
  description?: Scalars['String']['input'];
  document: Scalars['String']['input'];
  name: Scalars['String']['input'];
  outputFields: Array<Scalars['String']['input']>;
  pageKind: PageKind;
  /** 查询变量 / Query variables */
  parameters?: InputMaybe<Scalars['JSONObject']['input']>;
  regionCode: Scalars['String']['input'];
  slug: Scalars['String']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** 批准（须非起草人）/ Approve the text you reviewed (not your own draft) */
  approveDisclosure: Disclosure;
  /** 起草公开事项 / Draft a disclosure */
  createDisclosure: Disclosure;
  /** 起草政策文件 / Draft a policy */
  createPolicy: Policy;
  /** 发布 / Publish a draft */
  publishPolicy: Policy;
  /** 运行发布 / Run the approved disclosures */
  runPublication: PublicationRun;
  /** 登录 / Sign in (sets an HttpOnly session cookie) */
  signIn: Viewer;
  /** 退出登录 / Sign out */
  signOut: Scalars['Boolean']['output'];
  /** 修改公开事项；修改查询会撤销批准 / Edit; changing what runs revokes the approval */
  updateDisclosure: Disclosure;
  /** 修改政策文件 / Edit a policy */
  updatePolicy: Policy;
  /** 撤回 / Withdraw a published policy */
  withdrawPolicy: Policy;
};


export type MutationApproveDisclosureArgs = {
  documentSha256: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};


export type MutationCreateDisclosureArgs = {
  input: DisclosureInput;
};


export type MutationCreatePolicyArgs = {
  input: PolicyInput;
};


export type MutationPublishPolicyArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};


export type MutationRunPublicationArgs = {
  regionCode?: InputMaybe<Scalars['String']['input']>;
};


export type MutationSignInArgs = {
  password: Scalars['String']['input'];
  username: Scalars['String']['input'];
};


export type MutationUpdateDisclosureArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: DisclosureInput;
};


export type MutationUpdatePolicyArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: PolicyInput;
};


export type MutationWithdrawPolicyArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};

/** Relay 分页信息 / Relay page info */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** 门户页面类型 / Portal page kind */
export type PageKind =
  | 'CHART'
  | 'NOTICE_LIST'
  | 'RECIPIENT_LIST'
  | 'TOTALS_TABLE';

/** 政策文件 / Policy notice */
export type Policy = {
  __typename?: 'Policy';
  attachments: Array<PolicyAttachment>;
  bodyMarkdown: Scalars['String']['output'];
  category: PolicyCategory;
  createdAt: Scalars['DateTimeISO']['output'];
  /** 文号 / Document number, e.g. 青计协〔2024〕5号 */
  documentNumber: Scalars['String']['output'];
  effectiveDate?: Maybe<Scalars['String']['output']>;
  expiryDate?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** YYYY-MM-DD */
  issueDate: Scalars['String']['output'];
  issuingBody: Scalars['String']['output'];
  publishedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  region: Region;
  status: PolicyStatus;
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
  /** 乐观锁版本号 / Version for optimistic locking */
  version: Scalars['Int']['output'];
  withdrawalReason?: Maybe<Scalars['String']['output']>;
  withdrawnAt?: Maybe<Scalars['DateTimeISO']['output']>;
};

/** 附件元数据 / Attachment metadata */
export type PolicyAttachment = {
  __typename?: 'PolicyAttachment';
  byteSize: Scalars['Int']['output'];
  fileName: Scalars['String']['output'];
  mediaType: Scalars['String']['output'];
};

export type PolicyAttachmentInput = {
  byteSize: Scalars['Int']['input'];
  fileName: Scalars['String']['input'];
  mediaType: Scalars['String']['input'];
};

/** 政策文件类别 / Policy category */
export type PolicyCategory =
  | 'ASSISTANCE'
  | 'ASSOCIATION_WORK'
  | 'HEALTH_SERVICE'
  | 'NOTICE'
  | 'PUBLICITY';

export type PolicyConnection = {
  __typename?: 'PolicyConnection';
  edges: Array<PolicyEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type PolicyEdge = {
  __typename?: 'PolicyEdge';
  cursor: Scalars['String']['output'];
  node: Policy;
};

export type PolicyFilter = {
  category?: InputMaybe<PolicyCategory>;
  issuedFrom?: InputMaybe<Scalars['String']['input']>;
  issuedTo?: InputMaybe<Scalars['String']['input']>;
  /** 区划及其下级 / This region and below */
  regionCode?: InputMaybe<Scalars['String']['input']>;
  /** 标题、文号或发文机关 / Title, number or issuer */
  search?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<PolicyStatus>;
};

/** 政策文件内容 / Policy fields */
export type PolicyInput = {
  attachments?: Array<PolicyAttachmentInput>;
  bodyMarkdown: Scalars['String']['input'];
  category: PolicyCategory;
  documentNumber: Scalars['String']['input'];
  effectiveDate?: InputMaybe<Scalars['String']['input']>;
  expiryDate?: InputMaybe<Scalars['String']['input']>;
  issueDate: Scalars['String']['input'];
  issuingBody: Scalars['String']['input'];
  /** 所属区划代码 / Region code */
  regionCode: Scalars['String']['input'];
  title: Scalars['String']['input'];
};

export type PolicyOrder = {
  direction: SortDirection;
  field: PolicySortField;
};

export type PolicySortField =
  | 'ISSUE_DATE'
  | 'TITLE'
  | 'UPDATED_AT';

/** 草稿 / 已发布 / 已撤回 */
export type PolicyStatus =
  | 'DRAFT'
  | 'PUBLISHED'
  | 'WITHDRAWN';

/** 一次发布运行 / A publication run */
export type PublicationRun = {
  __typename?: 'PublicationRun';
  datasets: Array<PublishedDataset>;
  id: Scalars['ID']['output'];
  runAt: Scalars['DateTimeISO']['output'];
};

export type PublishedDataset = {
  __typename?: 'PublishedDataset';
  datasetSha256: Scalars['String']['output'];
  disclosureId: Scalars['ID']['output'];
  rowCount: Scalars['Int']['output'];
  slug: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  disclosure: Disclosure;
  /** 公开事项 / Disclosures in your jurisdiction */
  disclosures: Array<Disclosure>;
  /** 政策文件列表 / Policies, newest first by default */
  policies: PolicyConnection;
  /** 一份政策文件 / One policy */
  policy: Policy;
  /** 下级区划（不传则为本人所辖区划）/ Child regions (default: your own region) */
  regions: Array<Region>;
  /** 当前登录的管理员 / The signed-in admin, if any */
  viewer?: Maybe<Viewer>;
};


export type QueryDisclosureArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPoliciesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PolicyFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<PolicyOrder>;
};


export type QueryPolicyArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRegionsArgs = {
  parentCode?: InputMaybe<Scalars['String']['input']>;
};

/** 行政区划 / Region */
export type Region = {
  __typename?: 'Region';
  /** 统计用区划代码（12 位）/ 12-digit statistical code */
  code: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  level: RegionLevel;
  name: Scalars['String']['output'];
};

/** 区划层级 / Region level */
export type RegionLevel =
  | 'COUNTY'
  | 'GROUP'
  | 'TOWNSHIP'
  | 'VILLAGE';

/** 管理员角色 / Admin role */
export type Role =
  | 'AUDITOR'
  | 'COUNTY_ADMIN'
  | 'TOWNSHIP_ADMIN'
  | 'VILLAGE_CLERK';

export type SortDirection =
  | 'ASC'
  | 'DESC';

/** 当前登录的管理员 / The signed-in admin */
export type Viewer = {
  __typename?: 'Viewer';
  displayName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** 管辖区划 / Jurisdiction */
  region: Region;
  role: Role;
  username: Scalars['String']['output'];
};

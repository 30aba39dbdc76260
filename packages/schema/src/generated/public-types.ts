export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
};

/** 已发布的政策文件 */
export type PublicPolicy = {
  __typename?: 'PublicPolicy';
  /** 附件列表 */
  attachments: Array<PublicPolicyAttachment>;
  /** 正文（Markdown 格式） */
  bodyMarkdown: Scalars['String']['output'];
  /** 类别代码 */
  category: Scalars['String']['output'];
  /** 类别名称 */
  categoryLabel: Scalars['String']['output'];
  /** 文号 */
  documentNumber: Scalars['String']['output'];
  /** 生效日期（YYYY-MM-DD），未填写则自发文之日起生效 */
  effectiveDate?: Maybe<Scalars['String']['output']>;
  /** 失效日期（YYYY-MM-DD），未填写则长期有效 */
  expiryDate?: Maybe<Scalars['String']['output']>;
  /** 文件编号（系统内唯一标识） */
  id: Scalars['ID']['output'];
  /** 发文日期（YYYY-MM-DD） */
  issueDate: Scalars['String']['output'];
  /** 发文机关 */
  issuingBody: Scalars['String']['output'];
  /** 发布时间（ISO 8601） */
  publishedAt: Scalars['String']['output'];
  /** 所属行政区划 */
  region: PublicRegion;
  /** 标题 */
  title: Scalars['String']['output'];
};

/** 附件信息（仅元数据） */
export type PublicPolicyAttachment = {
  __typename?: 'PublicPolicyAttachment';
  /** 附件大小（字节） */
  byteSize: Scalars['Int']['output'];
  /** 附件文件名 */
  fileName: Scalars['String']['output'];
  /** 附件类型（MIME） */
  mediaType: Scalars['String']['output'];
};

/** 行政区划（公开） */
export type PublicRegion = {
  __typename?: 'PublicRegion';
  /** 12 位统计用区划代码 */
  code: Scalars['String']['output'];
  /** 层级：COUNTY 县、TOWNSHIP 乡镇、VILLAGE 村（社区） */
  level: Scalars['String']['output'];
  /** 区划名称 */
  name: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** 某区划及其下级已发布且未撤回的政策文件，按发文日期从新到旧 */
  policies: Array<PublicPolicy>;
};


export type QueryPoliciesArgs = {
  regionCode: Scalars['String']['input'];
};

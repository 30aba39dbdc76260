import '../../reflect-metadata.ts';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../graphql/page-info.type.ts';

export enum ImportKindEnum {
  PERSONS = 'PERSONS',
  MEMBERS = 'MEMBERS',
  ACTIVITIES = 'ACTIVITIES',
}
registerEnumType(ImportKindEnum, {
  name: 'ImportKind',
  description: '导入类型 / What a file imports',
  valuesConfig: {
    PERSONS: { description: '人员和户 / Persons and households' },
    MEMBERS: { description: '会员 / Members' },
    ACTIVITIES: { description: '活动 / Activities' },
  },
});

export enum ImportFormatEnum {
  CSV = 'CSV',
  XLSX = 'XLSX',
}
registerEnumType(ImportFormatEnum, { name: 'ImportFormat', description: '文件格式 / File format' });

export enum ImportStatusEnum {
  UPLOADED = 'UPLOADED',
  VALIDATING = 'VALIDATING',
  VALID = 'VALID',
  INVALID = 'INVALID',
  COMMITTING = 'COMMITTING',
  COMMITTED = 'COMMITTED',
  FAILED = 'FAILED',
}
registerEnumType(ImportStatusEnum, {
  name: 'ImportStatus',
  description: '导入状态 / Import status',
  valuesConfig: {
    UPLOADED: { description: '已上传 / Uploaded' },
    VALIDATING: { description: '检查中 / Being checked' },
    VALID: { description: '检查通过，待确认 / Checked, waiting to be committed' },
    INVALID: { description: '有错误，未导入 / Has errors; nothing imported' },
    COMMITTING: { description: '导入中 / Being written' },
    COMMITTED: { description: '已导入 / Imported' },
    FAILED: { description: '内部错误，未导入 / Internal failure; nothing imported' },
  },
});

@ObjectType('ImportRowError', {
  description: '一处导入错误；不含单元格内容 / One import error; never the cell’s content',
  simpleResolvers: true,
})
export class ImportRowErrorType {
  @Field(() => Int, {
    nullable: true,
    description: '行号（表头为第 1 行）；整个文件的错误为空 / Row, header = 1; null for the file',
  })
  row!: number | null;

  @Field(() => String, { nullable: true, description: '列（表头文字）/ Column, as headed in the file' })
  column!: string | null;

  @Field(() => String, { description: '错误代码，如 ID_NUMBER_NOT_TEXT / Error code' })
  code!: string;

  @Field(() => String)
  messageZh!: string;

  @Field(() => String)
  messageEn!: string;
}

@ObjectType('ImportErrorPage', { simpleResolvers: true })
export class ImportErrorPageType {
  @Field(() => [ImportRowErrorType])
  nodes!: ImportRowErrorType[];

  @Field(() => Int, { description: '错误总数 / Errors found in all' })
  totalCount!: number;

  @Field(() => Int, { description: '保存的错误数（最多 5000）/ Errors kept with the job (at most 5,000)' })
  storedCount!: number;
}

@ObjectType('ImportJob', { description: '导入任务 / An import job' })
export class ImportJobType {
  @Field(() => ID)
  id!: string;

  @Field(() => ImportKindEnum)
  kind!: ImportKindEnum;

  @Field(() => String)
  fileName!: string;

  @Field(() => String, { description: '文件 SHA-256 / The file’s SHA-256' })
  fileSha256!: string;

  @Field(() => Int)
  fileBytes!: number;

  @Field(() => ImportFormatEnum)
  format!: ImportFormatEnum;

  @Field(() => ImportStatusEnum)
  status!: ImportStatusEnum;

  @Field(() => Int, { description: '已读取行数 / Rows parsed' })
  rowsParsed!: number;

  @Field(() => Int, { description: '已检查行数 / Rows validated' })
  rowsValidated!: number;

  @Field(() => Int, { description: '已写入行数 / Rows committed' })
  rowsCommitted!: number;

  @Field(() => Int, {
    description:
      '导入后新增或修改的记录数；检查通过时为确认后将变动的记录数 / Records inserted or updated; when VALID, what a commit would change',
  })
  rowsChanged!: number;

  @Field(() => Int)
  errorCount!: number;

  @Field(() => String, { nullable: true })
  failureCode!: string | null;

  @Field(() => String, { description: '错误报告下载地址 / Where to download the error report (CSV)' })
  errorReportUrl!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;
}

@ObjectType('ImportJobEdge')
export class ImportJobEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => ImportJobType)
  node!: ImportJobType;
}

@ObjectType('ImportJobConnection')
export class ImportJobConnection {
  @Field(() => [ImportJobEdge])
  edges!: ImportJobEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

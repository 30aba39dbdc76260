import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionOf } from '../../graphql/connection.ts';
import { actorOf, type RequestContext } from '../../graphql/request-context.ts';
import type { ImportJobView } from './import-job.service.ts';
import {
  ImportErrorPageType,
  type ImportFormatEnum,
  ImportJobConnection,
  ImportJobType,
  type ImportKindEnum,
  type ImportStatusEnum,
} from './import-job.type.ts';

function toImportJobType(view: ImportJobView): ImportJobType {
  return {
    id: view.id,
    kind: view.kind as ImportKindEnum,
    fileName: view.fileName,
    fileSha256: view.fileSha256,
    fileBytes: view.fileBytes,
    format: view.format as ImportFormatEnum,
    status: view.status as ImportStatusEnum,
    rowsParsed: view.rowsParsed,
    rowsValidated: view.rowsValidated,
    rowsCommitted: view.rowsCommitted,
    rowsChanged: view.rowsChanged,
    errorCount: view.errorCount,
    failureCode: view.failureCode,
    errorReportUrl: `/imports/${view.id}/errors.csv`,
    createdAt: view.createdAt,
    finishedAt: view.finishedAt,
  };
}

/** Import jobs: uploads arrive over HTTP (`POST /imports`); GraphQL follows and commits them. */
@Resolver(() => ImportJobType)
export class ImportJobResolver {
  @Query(() => ImportJobType, { description: '一个导入任务及其进度 / One import job and its progress' })
  async importJob(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ImportJobType> {
    return toImportJobType(await ctx.services.imports.get(actorOf(ctx), id));
  }

  @Query(() => ImportJobConnection, { description: '导入任务，最新在前 / Import jobs, newest first' })
  async importJobs(
    @Arg('first', () => Int, { nullable: true, description: '每页条数，最多 100 / Page size, at most 100' })
    first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ImportJobConnection> {
    const page = await ctx.services.imports.list(actorOf(ctx), { first, after });
    return connectionOf(page, after, toImportJobType);
  }

  @Mutation(() => ImportJobType, {
    description:
      '确认导入：重新检查同一文件并在一个事务中全部写入，或全部不写 / Commit a checked import: the same file is checked again and written in one transaction, or not at all',
  })
  async commitImport(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ImportJobType> {
    return toImportJobType(await ctx.services.imports.commit(actorOf(ctx), id));
  }

  @FieldResolver(() => ImportErrorPageType, { description: '错误，按行排列 / The errors, by row' })
  async errors(
    @Root() job: ImportJobType,
    @Arg('first', () => Int, { defaultValue: 100, description: '最多 1000 / At most 1,000' }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Ctx() ctx: RequestContext,
  ): Promise<ImportErrorPageType> {
    const actor = actorOf(ctx);
    // One statement for every job on the page that asks for the same slice.
    return ctx.loaders
      .get(`importJob.errors:${offset}:${first}`, (ids) =>
        ctx.services.imports.errorPages(actor, ids, { offset, first }),
      )
      .load(job.id);
  }
}

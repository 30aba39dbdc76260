import { PassThrough } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { type Request, type Response, Router } from 'express';
import type { Logger } from 'pino';
import { badInput, DomainError } from '../../errors/domain-error.ts';
import { attachment, requestActor, sendDomainError, sendError } from '../../http/request-actor.ts';
import type { Services } from '../../services.ts';
import { escapeFormula } from '../exports/escape-formula.ts';
import { ImportFileError } from './import-errors.ts';
import { parseKind } from './import-job.service.ts';
import { csvTemplate, xlsxTemplate } from './import-templates.ts';

/** The header a browser cannot send across origins without a preflight we refuse: CSRF protection. */
export const UPLOAD_HEADER = 'x-sunshine-upload';

/**
 * File transfer for imports, outside GraphQL:
 * - `POST /imports?kind=PERSONS|MEMBERS|ACTIVITIES&fileName=…`, the raw file as the body → 202 and the
 *   job; the check runs in the background and GraphQL `importJob(id)` follows it;
 * - `GET /imports/:id/errors.csv`, the error report;
 * - `GET /imports/templates/<kind>.csv|.xlsx`, blank templates with the Chinese headers.
 */
export function importRoutes(deps: { services: Services; logger: Logger }): Router {
  const { services, logger } = deps;
  services.imports.onBackgroundError((error, jobId) => logger.error({ err: error, jobId }, 'import failed'));
  const router = Router();

  router.post('/imports', async (req, res) => {
    try {
      const actor = await requestActor(req, services);
      if (req.headers[UPLOAD_HEADER] !== '1') {
        throw badInput(
          UPLOAD_HEADER,
          `上传请求须带有 ${UPLOAD_HEADER}: 1 请求头`,
          `An upload must carry the header ${UPLOAD_HEADER}: 1`,
        );
      }
      const limits = services.imports.fileLimits;
      const declared = Number(req.headers['content-length'] ?? Number.NaN);
      if (declared > limits.maxFileBytes) {
        // Refused before a byte is read.
        throw new ImportFileError('FILE_TOO_LARGE', { limits });
      }
      const job = await services.imports.upload(actor, {
        kind: String(req.query.kind ?? ''),
        fileName: String(req.query.fileName ?? ''),
        // Piped rather than handed over, so that stopping at the limit leaves the socket open for
        // the 413 answer.
        body: () => req.pipe(new PassThrough()),
      });
      res.status(202).json({ id: job.id, status: job.status, fileSha256: job.fileSha256 });
    } catch (error) {
      req.unpipe();
      if (!req.complete) {
        // What is left of the body is not worth reading: answer, then close the connection.
        res.setHeader('Connection', 'close');
        res.on('finish', () => req.destroy());
      }
      answer(res, error, logger);
    }
  });

  router.get('/imports/templates/:file', async (req, res) => {
    try {
      await requestActor(req, services);
      const match = /^(persons|members|activities)\.(csv|xlsx)$/i.exec(String(req.params.file));
      if (!match) throw notFoundFile();
      const kind = parseKind(String(match[1]).toUpperCase());
      const xlsx = String(match[2]).toLowerCase() === 'xlsx';
      const body = xlsx ? await xlsxTemplate(kind) : csvTemplate(kind);
      res.setHeader(
        'Content-Type',
        xlsx
          ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
          : 'text/csv; charset=utf-8',
      );
      res.setHeader(
        'Content-Disposition',
        attachment(`${kind.toLowerCase()}-template.${xlsx ? 'xlsx' : 'csv'}`),
      );
      res.send(body);
    } catch (error) {
      answer(res, error, logger);
    }
  });

  router.get('/imports/:id/errors.csv', async (req, res) => {
    try {
      const actor = await requestActor(req, services);
      const { job, errors } = await services.imports.errorReport(actor, String(req.params.id));
      const rows = errors.map((error) => [
        error.row ?? '',
        escapeFormula(error.column ?? ''),
        error.code,
        escapeFormula(error.messageZh),
        escapeFormula(error.messageEn),
      ]);
      if (job.errorCount > errors.length) {
        rows.push([
          '',
          '',
          'MORE_ERRORS',
          `另有 ${job.errorCount - errors.length} 处错误未列出，请先改正以上错误后重新上传`,
          `${job.errorCount - errors.length} more errors are not listed; fix these and upload again`,
        ]);
      }
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', attachment(`import-errors-${job.id}.csv`));
      res.send(`\uFEFF${stringify([['行号 Row', '列 Column', '代码 Code', '说明', 'Message'], ...rows])}`);
    } catch (error) {
      answer(res, error, logger);
    }
  });

  return router;
}

function notFoundFile(): DomainError {
  return new DomainError({ code: 'NOT_FOUND', messageZh: '没有这个模板', messageEn: 'No such template' });
}

function sendFileError(res: Response, error: ImportFileError): void {
  const status = error.code === 'FILE_TOO_LARGE' ? 413 : error.code === 'XLS_UNSUPPORTED' ? 415 : 422;
  sendError(res, status, error.error);
}

function answer(res: Response, error: unknown, logger: Logger): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (error instanceof DomainError) {
    sendDomainError(res, error);
    return;
  }
  if (error instanceof ImportFileError) {
    sendFileError(res, error);
    return;
  }
  const requestId = (res.req as Request & { requestId?: string }).requestId;
  logger.error({ err: error, requestId }, 'import request failed');
  sendError(res, 500, {
    code: 'INTERNAL_SERVER_ERROR',
    messageZh: `服务器内部错误，请提供请求编号 ${requestId ?? ''}`,
    messageEn: `Internal error; quote request id ${requestId ?? ''}`,
  });
}

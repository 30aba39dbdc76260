import { type Request, Router } from 'express';
import type { Logger } from 'pino';
import { DomainError } from '../../errors/domain-error.ts';
import { attachment, requestActor, sendDomainError, sendError } from '../../http/request-actor.ts';
import type { Services } from '../../services.ts';

/**
 * `GET /exports/<list>.csv|.xlsx?regionCode=…` for persons, households, members, associations,
 * activities, projects and evaluations, within the signed-in admin's jurisdiction.
 */
export function exportRoutes(deps: { services: Services; logger: Logger }): Router {
  const { services, logger } = deps;
  const router = Router();
  router.get('/exports/:file', async (req, res) => {
    try {
      const actor = await requestActor(req, services);
      const match = /^([a-z]+)\.(csv|xlsx)$/.exec(String(req.params.file));
      await services.exports.export(
        actor,
        { list: match?.[1] ?? '', format: match?.[2] ?? '', query: req.query as Record<string, unknown> },
        {
          open({ fileName, contentType }) {
            res.status(200);
            res.setHeader('Content-Type', contentType);
            res.setHeader('Content-Disposition', attachment(fileName));
            // Lists hold personal data: no cache keeps a copy.
            res.setHeader('Cache-Control', 'no-store');
            return res;
          },
        },
      );
    } catch (error) {
      if (res.headersSent) {
        // Half a file must not pass for a whole one: the download breaks instead.
        logger.warn(
          { err: error, requestId: (req as Request & { requestId?: string }).requestId },
          'export aborted',
        );
        res.destroy();
        return;
      }
      if (error instanceof DomainError) {
        sendDomainError(res, error);
        return;
      }
      const requestId = (req as Request & { requestId?: string }).requestId;
      logger.error({ err: error, requestId }, 'export failed');
      sendError(res, 500, {
        code: 'INTERNAL_SERVER_ERROR',
        messageZh: `服务器内部错误，请提供请求编号 ${requestId ?? ''}`,
        messageEn: `Internal error; quote request id ${requestId ?? ''}`,
      });
    }
  });
  return router;
}

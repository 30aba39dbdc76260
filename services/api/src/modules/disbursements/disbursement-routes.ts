import { type Request, Router } from 'express';
import type { Logger } from 'pino';
import { DomainError } from '../../errors/domain-error.ts';
import { attachment, requestActor, sendDomainError, sendError } from '../../http/request-actor.ts';
import type { Services } from '../../services.ts';

/**
 * `GET /disbursements/<batch id>/payment-file`: the payment file exactly as stored at export (its
 * sha256 is the batch's `fileSha256`), for township and county admins over the batch's region.
 * It holds full account numbers, which is what the bank needs: never cached, every download audited.
 */
export function disbursementRoutes(deps: { services: Services; logger: Logger }): Router {
  const { services, logger } = deps;
  const router = Router();
  router.get('/disbursements/:id/payment-file', async (req, res) => {
    try {
      const actor = await requestActor(req, services);
      const file = await services.disbursements.paymentFile(actor, String(req.params.id));
      res.status(200);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', attachment(file.fileName));
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('X-Content-SHA256', file.sha256);
      res.end(file.bytes);
    } catch (error) {
      if (error instanceof DomainError) {
        sendDomainError(res, error);
        return;
      }
      const requestId = (req as Request & { requestId?: string }).requestId;
      logger.error({ err: error, requestId }, 'payment file download failed');
      sendError(res, 500, {
        code: 'INTERNAL_SERVER_ERROR',
        messageZh: `服务器内部错误，请提供请求编号 ${requestId ?? ''}`,
        messageEn: `Internal error; quote request id ${requestId ?? ''}`,
      });
    }
  });
  return router;
}

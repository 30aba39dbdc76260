import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { type GraphQLSchema, NoSchemaIntrospectionCustomRule, validate } from 'graphql';
import type { Logger } from 'pino';
import type { ApiConfig } from '../config.ts';
import { compiledExecutorGateway } from '../graphql/compiled-executor.ts';
import { createErrorFormatter } from '../graphql/format-error.ts';
import type { RequestContext } from '../graphql/request-context.ts';
import { RequestLoaders } from '../graphql/request-loaders.ts';
import { disbursementRoutes } from '../modules/disbursements/disbursement-routes.ts';
import { exportRoutes } from '../modules/exports/export-routes.ts';
import { importRoutes, UPLOAD_HEADER } from '../modules/imports/import-routes.ts';
import type { Services } from '../services.ts';
import { adminSiteRouter } from './admin-site.ts';
import { consoleRouter } from './console-page.ts';
import { requestIdMiddleware } from './request-id.ts';
import { configureSessionCookies, readSessionToken } from './session-cookie.ts';

export const BODY_LIMIT = '100kb';
export const MAX_TOKENS = 5000;

export interface AppDependencies {
  config: Pick<ApiConfig, 'allowedOrigins' | 'secureCookies'> & Partial<Pick<ApiConfig, 'adminDir'>>;
  schema: GraphQLSchema;
  services: Services;
  logger: Logger;
  /** Liveness of the database, for /healthz. */
  checkDatabase: () => Promise<void>;
  /**
   * For benchmarks only: mounts routes on this app after the shared middleware and before
   * /graphql, so a comparison endpoint runs on the same server, behind the same middleware.
   */
  extraRoutes?: (app: Express) => void;
}

/** Introspection is for signed-in admins only: anonymous callers learn nothing of the schema. */
function introspectionForAdminsOnly(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, schema }) {
          if (contextValue.user) return;
          const errors = validate(schema, document, [NoSchemaIntrospectionCustomRule]);
          if (errors.length > 0) {
            const { GraphQLError } = await import('graphql');
            throw new GraphQLError('请先登录后再使用内省 / Sign in to use introspection', {
              extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
            });
          }
        },
      };
    },
  };
}

export async function createApp(deps: AppDependencies): Promise<{ app: Express; stop: () => Promise<void> }> {
  configureSessionCookies({ secure: deps.config.secureCookies });
  const armor = new ApolloArmor({
    // The token limit is enforced by the parser itself (parseOptions.maxTokens): armor's own
    // token plugin answers HTTP 500 on Apollo Server 5.
    maxTokens: { enabled: false },
    maxDepth: { enabled: true, n: 10 },
    maxAliases: { enabled: true, n: 15 },
    maxDirectives: { enabled: true, n: 20 },
    costLimit: { enabled: true, maxCost: 20000 },
    blockFieldSuggestion: { enabled: true },
  });
  const protection = armor.protect();
  const apollo = new ApolloServer<RequestContext>({
    gateway: compiledExecutorGateway(deps.schema),
    // armor's types come from Apollo's CommonJS build; the plugins are the same objects.
    plugins: [
      ...(protection.plugins as unknown as ApolloServerPlugin<RequestContext>[]),
      introspectionForAdminsOnly(),
      // We set no cache hints, and the default cache-control plugin's willResolveField hook makes
      // Apollo wrap every field resolver: on a page of thousands of rows that is a large share of
      // the request (bench/registry-read.ts).
      ApolloServerPluginCacheControlDisabled(),
    ],
    validationRules: protection.validationRules,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    introspection: true,
    parseOptions: { maxTokens: MAX_TOKENS },
    formatError: createErrorFormatter(deps.logger),
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(requestIdMiddleware);
  // One line per request: no query string, body, cookie or variables (they may hold personal data).
  app.use((req, res, next) => {
    const started = performance.now();
    res.on('finish', () => {
      deps.logger.info(
        {
          requestId: (req as Request & { requestId?: string }).requestId,
          method: req.method,
          path: req.originalUrl.split('?')[0],
          status: res.statusCode,
          ms: Math.round(performance.now() - started),
        },
        'request',
      );
    });
    next();
  });
  app.use((req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('X-Frame-Options', 'DENY');
    const origin = req.headers.origin;
    if (origin && deps.config.allowedOrigins.includes(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Vary', 'Origin');
      if (req.method === 'OPTIONS') {
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
        res.setHeader(
          'Access-Control-Allow-Headers',
          `content-type, apollo-require-preflight, ${UPLOAD_HEADER}`,
        );
        res.setHeader('Access-Control-Max-Age', '600');
        res.status(204).end();
        return;
      }
    } else if (origin && req.method === 'OPTIONS') {
      res.status(403).end();
      return;
    }
    next();
  });

  app.get('/healthz', async (_req, res) => {
    try {
      await deps.checkDatabase();
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });

  // File uploads and downloads: raw bodies and streams, outside GraphQL and its JSON body limit.
  app.use(importRoutes({ services: deps.services, logger: deps.logger }));
  app.use(exportRoutes({ services: deps.services, logger: deps.logger }));
  app.use(disbursementRoutes({ services: deps.services, logger: deps.logger }));

  app.use(
    consoleRouter(async (req) => {
      const token = readSessionToken(req);
      return token !== null && (await deps.services.identity.sessionUser(token)) !== null;
    }),
  );

  app.use(adminSiteRouter(deps.config.adminDir ?? null));

  deps.extraRoutes?.(app);

  app.use(
    '/graphql',
    express.json({ limit: BODY_LIMIT }),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<RequestContext> => {
        const sessionToken = readSessionToken(req);
        const user = sessionToken ? await deps.services.identity.sessionUser(sessionToken) : null;
        return {
          requestId: (req as Request & { requestId: string }).requestId,
          user,
          sessionToken,
          clientKey: req.ip ?? 'unknown',
          services: deps.services,
          loaders: new RequestLoaders(),
          res,
        };
      },
    }),
  );

  // Oversized or malformed bodies: a clear answer, never the body itself or a stack trace.
  app.use(
    (error: Error & { type?: string; status?: number }, req: Request, res: Response, _next: NextFunction) => {
      const requestId = (req as Request & { requestId?: string }).requestId;
      if (error.type === 'entity.too.large') {
        res.status(413).json({
          errors: [
            {
              message: `请求体超过 ${BODY_LIMIT} / Request body exceeds ${BODY_LIMIT}`,
              extensions: { code: 'PAYLOAD_TOO_LARGE' },
            },
          ],
        });
        return;
      }
      if (error.type === 'entity.parse.failed') {
        res.status(400).json({
          errors: [
            {
              message: '请求体不是有效的 JSON / The request body is not valid JSON',
              extensions: { code: 'BAD_REQUEST' },
            },
          ],
        });
        return;
      }
      deps.logger.error({ err: error, requestId }, 'unhandled HTTP error');
      res.status(500).json({
        errors: [
          {
            message: `服务器内部错误 / Internal error`,
            extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
          },
        ],
      });
    },
  );

  return {
    app,
    stop: async () => {
      await apollo.stop();
      await deps.services.imports.close();
    },
  };
}

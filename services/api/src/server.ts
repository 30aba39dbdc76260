import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Express } from 'express';
import type { Logger } from 'pino';
import { type ApiConfig, readApiConfig } from './config.ts';
import { createOrm } from './db/create-orm.ts';
import { buildAdminSchema } from './graphql/build-admin-schema.ts';
import { createApp } from './http/create-app.ts';
import { createLogger } from './logger.ts';
import { buildPublicSchema } from './public-schema/build-public-schema.ts';
import { createServices, type Services } from './services.ts';

export interface RunningApi {
  url: string;
  port: number;
  services: Services;
  close(): Promise<void>;
}

/** Starts the API over an already migrated database, connecting as the app role. */
export async function startApi(options: {
  ownerDatabaseUrl: string;
  appDatabaseUrl: string;
  env?: NodeJS.ProcessEnv;
  overrides?: Partial<ApiConfig>;
  logger?: Logger;
  /** For benchmarks only: extra routes on the same server, given the API's ORM (see createApp). */
  extraRoutes?: (app: Express, orm: MikroORM) => void;
}): Promise<RunningApi> {
  const config = {
    ...readApiConfig(options.env ?? process.env, options),
    ...options.overrides,
  };
  const logger = options.logger ?? createLogger(config.logLevel);
  const orm = await createOrm(config.appDatabaseUrl);
  const [schema, publicSchema] = await Promise.all([buildAdminSchema(), buildPublicSchema()]);
  const services = createServices(orm, publicSchema, config, logger);
  const { app, stop } = await createApp({
    config,
    schema,
    services,
    logger,
    checkDatabase: async () => {
      await orm.em.fork().execute('select 1');
    },
    extraRoutes: (app) => options.extraRoutes?.(app, orm),
  });
  const server: Server = createServer(app);
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  logger.info({ port }, 'API listening');
  return {
    url: `http://${config.host === '127.0.0.1' ? 'localhost' : config.host}:${port}`,
    port,
    services,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await stop();
      await orm.close(true);
    },
  };
}

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { crossSiteWarning, loadConfig, type Config } from './config.ts';
import { createServices, type ServiceOptions, type Services } from './services.ts';
import { createApp } from './server.ts';
import { resumeWaitingChats, watchOverdueChats } from './chat/chat.flow.ts';
import { RequestTracker } from './http/requests.ts';
import { scheduleBackups, type BackupSchedule } from './backup/backup.schedule.ts';

export interface RunningPortico {
  url: string;
  services: Services;
  server: Server;
  /**
   * The graceful stop: not ready any more, no new connections, live streams ended with a
   * reconnect hint, requests in flight finished (for up to SHUTDOWN_GRACE_SECONDS, then cut off),
   * timers stopped, the write-ahead log checkpointed and the database closed.
   */
  close(): Promise<void>;
}

/**
 * The longest a client may take to send a whole request, headers and body. Node's default of
 * five minutes would let a few slow uploads hold their admission slots (and memory) that long;
 * a minute still lets the largest upload (10 MB) through a 2 Mbit/s line. Only the request
 * counts: a live stream or a slow download, which the server sends, is not cut by it.
 */
export const REQUEST_TIMEOUT_MS = 60_000;

/** The longest a client may take to send a request's headers: they are small. */
export const HEADERS_TIMEOUT_MS = 20_000;

/** How often Node looks for requests past those times (its default is every 30 seconds). */
const TIMEOUT_CHECK_MS = 5_000;

/** Starts an HTTP server on a port, which may be 0 for any free one; resolves with the port. */
export function listenOn(server: Server, port: number, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Stops accepting connections, lets open requests finish, and ends idle keep-alive sockets. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 5_000).unref();
  });
}

/**
 * Binds the port first (so PORT=0 picks a free one and the public URL knows it), then builds
 * the services with the final configuration and starts answering.
 */
export async function startPortico(
  env: NodeJS.ProcessEnv,
  options: ServiceOptions & { extraOrigins?: readonly string[] } = {},
): Promise<RunningPortico> {
  const requested = loadConfig(env);
  const server = createServer({
    requestTimeout: REQUEST_TIMEOUT_MS,
    headersTimeout: HEADERS_TIMEOUT_MS,
    connectionsCheckingInterval: TIMEOUT_CHECK_MS,
  });
  const port = await listenOn(server, requested.port);
  // The backend's own origin is added again with the real port; with PORT=0 the requested one
  // would be `http://localhost:0`, which no page has.
  const own = new URL(requested.publicUrl).origin;
  const config: Config = loadConfig({
    ...env,
    PORT: String(port),
    TRUSTED_ORIGINS: [
      ...requested.trustedOrigins.filter((origin) => origin !== own),
      ...(options.extraOrigins ?? []),
    ].join(','),
  });
  let services: Services;
  try {
    services = await createServices(config, options);
  } catch (error) {
    await closeServer(server);
    throw error;
  }
  const crossSite = crossSiteWarning(config);
  if (crossSite) services.logger.warn(crossSite);
  try {
    await resumeWaitingChats(services);
  } catch (error) {
    await services.close();
    await closeServer(server);
    throw error;
  }
  const requests = new RequestTracker(services.logger, config.trustedProxies);
  server.on('request', requests.listener(getRequestListener(createApp(services).fetch)));
  const backups = scheduleBackups(services);
  const overdueChats = watchOverdueChats(services);
  services.events.start();
  services.webhooks.start();
  services.reminders.start();
  let closing: Promise<void> | undefined;
  return {
    url: config.publicUrl,
    services,
    server,
    close() {
      overdueChats.stop();
      closing ??= stopGracefully(server, services, requests, backups);
      return closing;
    },
  };
}

async function stopGracefully(
  server: Server,
  services: Services,
  requests: RequestTracker,
  backups: BackupSchedule,
): Promise<void> {
  const { logger, config } = services;
  const deadline = Date.now() + config.shutdownGraceSeconds * 1000;
  services.beginStopping();
  backups.stop();
  requests.beginStopping();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  logger.info(
    { inFlight: requests.inFlight },
    'stopping: no new connections; finishing the requests in flight',
  );
  if (!(await requests.settled(config.shutdownGraceSeconds * 1000))) {
    logger.warn(
      { inFlight: requests.inFlight },
      `stopping: requests still running after ${config.shutdownGraceSeconds} seconds were cut off`,
    );
  }
  // Nothing is in flight now, so every connection left is an idle keep-alive one.
  server.closeAllConnections();
  await closed;
  // No request can start work any more; the chat's timers could, so they stop first. Then the
  // work requests left running after their answer (mail, mostly) finishes within the grace.
  services.chat.close();
  await Promise.all([services.events.stop(), services.reminders.stop(), services.webhooks.stop()]);
  const { background } = services;
  if (background.pending > 0) {
    logger.info(
      { pending: background.pending },
      'stopping: finishing the work requests left running after their answer',
    );
  }
  if (!(await background.settled(Math.max(0, deadline - Date.now())))) {
    logger.warn(
      { pending: background.pending, tasks: background.names() },
      `stopping: work still running after ${config.shutdownGraceSeconds} seconds was abandoned`,
    );
  }
  await services.close();
  logger.info('stopped');
}

import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.ts';
import { closeServer, listenOn, startPortico, type RunningPortico } from './listen.ts';
import { DEMO_SIGN_INS, seedDemo } from './seed/demo.seed.ts';
import { attachDemoSite, createDemoServer } from '../demo/serve.ts';

const { values } = parseArgs({ options: { 'with-demo': { type: 'boolean', default: false } } });

async function main(): Promise<void> {
  const withDemo = values['with-demo'];
  const demoServer = withDemo ? createDemoServer() : null;
  let starting: Promise<RunningPortico | undefined> = Promise.resolve(undefined);
  // Installed before anything starts, so a stop asked for during start-up waits for the start
  // (a migration half run) and is graceful too.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      console.log(`${signal} again: stopping at once`);
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal}: stopping`);
    try {
      const portico = await starting.catch(() => undefined);
      await Promise.all([portico?.close(), demoServer ? closeServer(demoServer) : undefined]);
    } catch (error) {
      console.error(error);
      process.exit(1);
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  let demoUrl: string | null = null;
  if (demoServer) {
    const requested = loadConfig();
    const demoPort = await listenOn(
      demoServer,
      Number(process.env.DEMO_PORT ?? requested.port + 1),
    );
    demoUrl = `http://localhost:${demoPort}`;
  }
  // The demo shop hands its signed-in customer to the portal with a secret made for this run.
  const handoffSecret =
    process.env.HANDOFF_SECRET ?? (demoServer ? randomBytes(32).toString('base64url') : undefined);
  const env = handoffSecret ? { ...process.env, HANDOFF_SECRET: handoffSecret } : process.env;
  const started = startPortico(env, { extraOrigins: demoUrl ? [demoUrl] : [] });
  starting = started;
  const portico = await started;
  // A signal came while the services were starting: its handler stops them.
  if (stopping) return;
  if (demoServer) {
    attachDemoSite(demoServer, portico.url, { handoffSecret });
    if (await seedDemo(portico.services)) console.log('Seeded the demo vendor.');
  }
  console.log(`Portico is running at ${portico.url}`);
  console.log(`Elements reference:   ${portico.url}/elements`);
  if (demoUrl) {
    console.log(`Demo vendor site:     ${demoUrl}/`);
    console.log(
      `Demo customer:        ${DEMO_SIGN_INS.customer.email} / ${DEMO_SIGN_INS.customer.password}`,
    );
    console.log(
      `Demo agent:           ${DEMO_SIGN_INS.agent.email} / ${DEMO_SIGN_INS.agent.password}`,
    );
    console.log(
      `Demo administrator:   ${DEMO_SIGN_INS.admin.email} / ${DEMO_SIGN_INS.admin.password}`,
    );
    console.log(`Staff console:        ${portico.url}/staff`);
    console.log(
      '                      staff sign in with a security code by mail: without SMTP_URL it is printed here',
    );
  }
  // One machine-readable line for scripts and tests that start Portico with PORT=0.
  console.log(JSON.stringify({ portico: portico.url, demo: demoUrl }));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

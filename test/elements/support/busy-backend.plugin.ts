import type { TestRunnerPlugin } from '@web/test-runner';
import { startTestPortico, type TestClient, type TestPortico } from '../../support/portico.ts';
import { startSlowUpload, type SlowUpload } from '../../support/slow-upload.ts';
import { seedDemoHelp } from '../../../backend/seed/demo.help.ts';
import { StreamLimitBackend } from './stream-limit-backend.ts';

/** What `executeServerCommand('portico-busy-backend')` answers. */
export interface BusyBackendInfo {
  url: string;
}

/**
 * A second real backend that serves one request at a time and queues none, for the "busy,
 * retrying" tests. `portico-busy-backend` starts it on first use (with the demo's help centre)
 * and answers its URL; `portico-busy-hold` makes it busy with an upload whose body stops
 * half-way; `portico-busy-release` sends the rest, which frees it again. The `portico-streams-…`
 * commands run another backend, one that allows a single live stream (see StreamLimitBackend).
 */
export function busyBackendPlugin(): TestRunnerPlugin {
  let pageOrigin = '';
  let backend: Promise<{ portico: TestPortico; uploader: TestClient }> | undefined;
  let held: SlowUpload | undefined;
  const streams = new StreamLimitBackend(() => pageOrigin);

  async function start(): Promise<{ portico: TestPortico; uploader: TestClient }> {
    const portico = await startTestPortico({
      env: {
        TRUSTED_ORIGINS: pageOrigin,
        MAX_CONCURRENT_REQUESTS: '1',
        MAX_QUEUED_REQUESTS: '0',
      },
    });
    await seedDemoHelp(portico.services);
    const uploader = await portico.personWithSession({ email: 'uploader@busy.test' });
    return { portico, uploader };
  }

  return {
    name: 'portico-busy-backend',

    serverStart({ config }) {
      pageOrigin = `http://${config.hostname ?? 'localhost'}:${config.port}`;
    },

    async serverStop() {
      held?.abort();
      await (await backend)?.portico.close();
      await streams.close();
    },

    async executeCommand({ command, payload }) {
      if (command === 'portico-busy-backend') {
        backend ??= start();
        return { url: (await backend).portico.url } satisfies BusyBackendInfo;
      }
      if (command === 'portico-busy-hold') {
        if (!backend) throw new Error('Start the busy backend first.');
        if (held) throw new Error('The busy backend is already held.');
        held = await startSlowUpload((await backend).uploader);
        return true;
      }
      if (command === 'portico-busy-release') {
        if (!held) throw new Error('The busy backend is not held.');
        const { status } = await held.finish();
        held = undefined;
        return { status };
      }
      return streams.command(command, payload);
    },
  };
}

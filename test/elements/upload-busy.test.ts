import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { porticoApiFor } from '../../elements/api/client.ts';
import { startUpload } from '../../elements/shared/upload.ts';
import type { BusyBackendInfo } from './support/busy-backend.plugin.ts';

/** A backend that serves one request at a time; `hold` makes it busy until `release`. */
const { url: busyUrl } = await executeServerCommand<BusyBackendInfo, undefined>(
  'portico-busy-backend',
);
const hold = () => executeServerCommand('portico-busy-hold');
const release = () => executeServerCommand<{ status: number }, undefined>('portico-busy-release');

describe('an upload refused as busy', () => {
  it('waits with the busy status and is sent again once the portal has room', async () => {
    const api = porticoApiFor(busyUrl);
    const file = new File(['Notes about the grinder'], 'notes.txt', { type: 'text/plain' });
    let settled = false;
    await hold();
    let held = true;
    try {
      const item = startUpload(api, file, (done) => (settled ||= done));
      await waitUntil(() => api.busy.busy, 'the upload never waited', { timeout: 8_000 });
      expect(settled).to.equal(false);
      expect(item.error).to.equal(null);

      held = false;
      expect((await release()).status).to.equal(200);
      await waitUntil(() => settled, 'the upload never settled', { timeout: 15_000 });
      // Sent again, it reached the server, which wants a signed-in customer: not "busy" any more.
      expect(item.error).to.equal('Your session has ended. Please sign in again.');
      expect(api.busy.busy).to.equal(false);
    } finally {
      if (held) await release();
    }
  });
});

import { html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../elements/portico-announcements/portico-announcements.ts';
import type { PorticoAnnouncements } from '../../elements/portico-announcements/portico-announcements.ts';
import { all, backendUrl, part, until } from './support/page.ts';
import { backToAnna, signInAsNewCustomer } from './support/ledger.ts';
import { afterState, contractSuite } from './support/contract.ts';
import { contractPage, rendered } from './support/contract.page.ts';

const SEVERITIES = ['info', 'warning', 'outage'] as const;

function staff<T = unknown>(path: string, input: unknown): Promise<T> {
  return executeServerCommand<T, { path: string; input: unknown }>('portico-staff', {
    path,
    input,
  });
}

/** One announcement of each severity for everyone, ended again once the state was checked. */
async function publishAll(): Promise<void> {
  for (const severity of SEVERITIES) {
    const { id } = await staff<{ id: string }>('staff.announcement.create', {
      title: `Holiday hours ${crypto.randomUUID().slice(0, 8)}`,
      body: 'We close at noon on 24 December.\nOrders placed after that ship on 27 December.',
      severity,
      audience: 'all',
    });
    afterState(() => staff('staff.announcement.end', { id }));
  }
}

function renderBanners(): Promise<PorticoAnnouncements> {
  return rendered(
    html`
      <portico-portal api=${backendUrl}
        ><portico-announcements></portico-announcements
      ></portico-portal>
    `,
    'portico-announcements',
  );
}

async function withBanners(): Promise<PorticoAnnouncements> {
  await publishAll();
  const element = await renderBanners();
  await until(
    () => all(element, "[part~='announcement']").length === SEVERITIES.length,
    'the banners never appeared',
  );
  return element;
}

describe('<portico-announcements> keeps the element contract', () => {
  contractPage({
    reset: () => {
      localStorage.clear();
      backToAnna();
    },
  });

  contractSuite('<portico-announcements>', (state) => {
    state('information, a warning and an outage, for a visitor', withBanners);

    state('error: a dismissal the server refused, the banner back', async () => {
      await signInAsNewCustomer();
      const element = await withBanners();
      // The session ends in another tab: the element hears of it only from the refusal.
      await fetch(`${backendUrl}/api/auth/sign-out`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      part(element, 'dismiss')!.click();
      await until(() => part(element, 'error'), 'no error was shown');
      return element;
    });
  });
});

// Renders the README's screenshots from the running demo: `npm run screenshots`.
import type { Locator, Page } from 'playwright-core';
import { launchChromium } from '../test/support/browser.ts';
import { mailedCode, signInOnPage, startDemoProcess } from '../test/support/demo-process.ts';
import { DEMO_SIGN_INS } from '../backend/seed/demo.seed.ts';

const out = new URL('../docs/screenshots/', import.meta.url).pathname;
const demo = await startDemoProcess();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 760 } });
  await page.goto(`${demo.demo}/signin.html`);
  const login = page.locator('portico-login');
  await login.getByRole('button', { name: 'Sign in' }).waitFor();
  await page.screenshot({ path: `${out}demo-sign-in.png` });
  await login.screenshot({ path: `${out}portico-login.png` });

  await login.getByLabel('Email').fill(DEMO_SIGN_INS.customer.email);
  await login.getByLabel('Password').fill(DEMO_SIGN_INS.customer.password);
  await login.getByRole('button', { name: 'Sign in' }).click();
  const summary = page.locator('portico-account-summary');
  await summary
    .locator('[part~="balance-amount"]')
    .getByText(/You owe/)
    .waitFor();
  await summary
    .locator('[part~="open-invoices"]')
    .getByText(/Invoice \d/)
    .first()
    .waitFor();
  // Signing in scrolled the form's button into view: the page from its top, as it opens.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${out}demo-signed-in.png` });
  await summary.screenshot({ path: `${out}portico-account-summary.png` });
  // An order's detail with its timeline, and the billing view.
  await summary.locator('[part~="recent-orders"] [part~="order-link"]').first().click();
  await summary.locator('portico-account-orders [part~="timeline"]').waitFor();
  await summary.screenshot({ path: `${out}portico-account-summary-order.png` });
  await summary
    .locator('[part~="nav"]')
    .getByRole('link', { name: 'Billing', exact: true })
    .click();
  await summary.locator('portico-account-billing [part~="invoice"]').first().waitFor();
  await summary.screenshot({ path: `${out}portico-account-summary-billing.png` });
  // The profile's security codes, as someone about to scan the QR code sees them.
  await summary
    .locator('[part~="nav"]')
    .getByRole('link', { name: 'Profile', exact: true })
    .click();
  await summary.getByRole('button', { name: 'Use an authenticator app' }).click();
  await summary.getByLabel('Your password').fill(DEMO_SIGN_INS.customer.password);
  await summary.getByRole('button', { name: 'Continue' }).click();
  const security = summary.locator('[part~="security"]');
  await security.locator('svg').first().waitFor();
  await security.screenshot({ path: `${out}portico-account-summary-security.png` });
  await security.locator('[part~="setup-cancel"]').click();

  // The home page: the banner under the header, and the bell's panel open on the newest unread.
  await page.setViewportSize({ width: 1100, height: 1000 });
  await page.goto(`${demo.demo}/index.html`);
  const banner = page.locator('portico-announcements [part~="announcement"]', {
    hasText: 'Holiday hours',
  });
  await banner.waitFor();
  const bell = page.locator('portico-notifications');
  await bell.locator('[part~="badge"]').waitFor();
  await shootTop(page, banner, `${out}portico-announcements.png`);
  await bell.locator('[part~="bell"]').click();
  await bell.locator('[part~="item-unread"]').first().waitFor();
  await shootTop(page, bell.locator('[part~="panel"]'), `${out}portico-notifications.png`);
  await page.keyboard.press('Escape');

  // The order form, signed in (the page above shares its cookies): a cart, then the review.
  await page.goto(`${demo.demo}/shop.html`);
  const form = page.locator('portico-order-form');
  await form.getByRole('searchbox', { name: 'Search products' }).fill('espresso beans');
  const add = form.getByRole('button', { name: /^Add to cart\s*: Espresso beans/ });
  await add.first().waitFor();
  await add.nth(0).click();
  await add.nth(1).click();
  await form.getByRole('heading', { name: 'Your cart (2)' }).waitFor();
  await page.evaluate(() => document.fonts.ready);
  await form.screenshot({ path: `${out}portico-order-form.png` });
  await form.getByRole('button', { name: 'Continue', exact: true }).click();
  await form.getByRole('button', { name: 'Continue to review' }).click();
  await form.getByRole('heading', { name: 'Review your order' }).waitFor();
  await form.screenshot({ path: `${out}portico-order-form-review.png` });

  // The ticket inbox: the list with an unread answer, a thread, and the new-ticket form.
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto(`${demo.demo}/support.html#tickets`);
  const inbox = page.locator('portico-ticket-inbox');
  await inbox.locator('[part~="ticket"]').first().waitFor();
  await page.evaluate(() => document.fonts.ready);
  await inbox.screenshot({ path: `${out}portico-ticket-inbox.png` });
  await inbox.getByRole('link', { name: /Two bags of beans arrived torn/ }).click();
  await inbox
    .locator('portico-ticket-thread')
    .getByText(/replacement bags/)
    .waitFor();
  await inbox.screenshot({ path: `${out}portico-ticket-inbox-thread.png` });
  await page.goto(`${demo.demo}/support.html#new-ticket`);
  await inbox.locator('[part~="new-form"]').waitFor();
  await inbox.getByLabel('Subject').fill('Where do I find the tracking number?');
  await inbox.locator('[part~="suggestion"]').first().waitFor();
  await inbox.screenshot({ path: `${out}portico-ticket-inbox-new.png` });

  // The help centre: categories while the box is empty, results as a word is typed, an article.
  await page.goto(`${demo.demo}/support.html`);
  const help = page.locator('portico-help-search');
  await help.locator('[part~="category"]').first().waitFor();
  await help.screenshot({ path: `${out}portico-help-search.png` });
  await help.getByLabel('Search the help centre').pressSequentially('invoi', { delay: 30 });
  await help.locator('[part~="result"]').first().waitFor();
  await help.screenshot({ path: `${out}portico-help-search-results.png` });
  await help.locator('[part~="result"]').first().click();
  await help.locator('[part~="feedback"]').waitFor();
  await help.screenshot({ path: `${out}portico-help-search-article.png` });

  // Live chat: the bot's answer, then an agent on /staff picks the chat up and answers.
  const staff = await browser.newPage({ viewport: { width: 1100, height: 760 } });
  await staff.goto(`${demo.portico}/staff`);
  const staffLogin = staff.locator('portico-login');
  await signInOnPage(demo, staff, DEMO_SIGN_INS.agent);
  const agentView = staff.locator('portico-staff-chat');
  await agentView.getByText('Online: customers can reach you.').waitFor();
  await page.setViewportSize({ width: 1100, height: 760 });
  await page.goto(`${demo.demo}/support.html`);
  const chat = page.locator('portico-chat');
  await chat.getByRole('button', { name: /Chat/ }).click();
  const question = 'I missed my delivery yesterday. How do I get my parcel now?';
  await chat.getByRole('textbox', { name: 'Message' }).fill(question);
  await chat.getByRole('button', { name: 'Send' }).click();
  await chat.getByRole('button', { name: 'That solved it' }).waitFor();
  await page.screenshot({ path: `${out}portico-chat.png` });
  await chat.getByRole('button', { name: 'Talk to a person' }).click();
  const waiting = agentView.locator('[part~="waiting"]', { hasText: question });
  await waiting.getByRole('button', { name: 'Pick up' }).click();
  const answer = 'Hello Anna, Jonas here. The courier brings it again tomorrow morning.';
  await agentView.getByRole('textbox', { name: 'Message' }).fill(answer);
  await agentView.getByRole('textbox', { name: 'Message' }).press('Enter');
  await chat.getByText(answer, { exact: true }).waitFor();
  await page.screenshot({ path: `${out}portico-chat-agent.png` });
  await staff.screenshot({ path: `${out}portico-staff-chat.png`, fullPage: true });
  await agentView.getByRole('button', { name: 'End chat' }).click();

  // Each view of the staff console, as the demo's agent (and its administrator for settings).
  const shoot = async (hash: string, view: string, ready: string, file: string) => {
    await staff.evaluate((fragment) => (location.hash = fragment), hash);
    const element = staff.locator(view);
    await element.locator(ready).first().waitFor();
    // Lists fill in after their first read: let the page settle before the picture.
    await staff.waitForLoadState('networkidle');
    await staff.screenshot({ path: `${out}${file}.png`, fullPage: true });
    return element;
  };
  const ticketsView = await shoot(
    '#tickets',
    'portico-staff-tickets',
    '[part~="open"]',
    'portico-staff-tickets',
  );
  await ticketsView.locator('[part~="open"]').first().click();
  await ticketsView.locator('[part~="context"] [part~="balance"]').waitFor();
  await staff.screenshot({ path: `${out}portico-staff-tickets-ticket.png`, fullPage: true });
  const ordersView = await shoot(
    '#orders',
    'portico-staff-orders',
    '[part~="open"]',
    'portico-staff-orders',
  );
  await ordersView.locator('[part~="open"]').first().click();
  await ordersView.locator('[part~="timeline"]').waitFor();
  await staff.screenshot({ path: `${out}portico-staff-orders-order.png`, fullPage: true });
  const customersView = await shoot(
    '#customers',
    'portico-staff-customers',
    '[part~="open"]',
    'portico-staff-customers',
  );
  await customersView.locator('[part~="open"]').first().click();
  await customersView.locator('[part~="members"]').waitFor();
  await staff.screenshot({ path: `${out}portico-staff-customers-account.png`, fullPage: true });
  const accountId = await staff.evaluate(() => location.hash.replace('#customer=', ''));
  await shoot(
    `#billing=${accountId}`,
    'portico-staff-billing',
    '[part~="statement"]',
    'portico-staff-billing',
  );
  const helpView = await shoot(
    '#help',
    'portico-staff-help',
    '[part~="open"]',
    'portico-staff-help',
  );
  await helpView.locator('[part~="open"]').first().click();
  await helpView.locator('[part~="preview"]').waitFor();
  await staff.waitForLoadState('networkidle');
  await staff.screenshot({ path: `${out}portico-staff-help-article.png`, fullPage: true });
  await shoot('#reports', 'portico-staff-reports', 'svg', 'portico-staff-reports');
  await staffLogin.getByRole('button', { name: 'Sign out' }).click();
  // The administrator's second step: the code the demo mailed.
  await staffLogin.getByLabel('Email').fill(DEMO_SIGN_INS.admin.email);
  await staffLogin.getByLabel('Password', { exact: true }).fill(DEMO_SIGN_INS.admin.password);
  const since = Date.now();
  await staffLogin.getByRole('button', { name: 'Sign in' }).click();
  const codeField = staffLogin.getByLabel('Code from the email');
  await codeField.fill(await mailedCode(demo, DEMO_SIGN_INS.admin.email, since));
  await staffLogin.screenshot({ path: `${out}portico-login-security-code.png` });
  await staffLogin.getByRole('button', { name: 'Verify' }).click();
  await staffLogin.getByRole('button', { name: 'Sign out' }).waitFor();
  await shoot('#settings', 'portico-staff-settings', '[part~="preview"]', 'portico-staff-settings');
  // Announcements with the reminder rules an administrator may change; integrations once
  // something is connected (the shown-once secrets hidden again).
  await staff.evaluate(() => (location.hash = '#notices'));
  await staff.locator('portico-staff-notices [part~="save-rules"]').waitFor();
  await shoot('#notices', 'portico-staff-notices', '[part~="row"]', 'portico-staff-notices');
  await staff.evaluate(() => (location.hash = '#integrations'));
  await addIntegrations(staff.locator('portico-staff-integrations'));
  await shoot(
    '#integrations',
    'portico-staff-integrations',
    '[part~="key"]',
    'portico-staff-integrations',
  );
  await staff.close();

  const phone = await browser.newPage({ viewport: { width: 320, height: 640 } });
  await phone.goto(`${demo.demo}/shop.html`);
  await phone
    .locator('portico-order-form')
    .getByRole('button', { name: /^Add to cart/ })
    .first()
    .waitFor();
  await phone.locator('portico-order-form').evaluate((form) => form.scrollIntoView());
  await phone.screenshot({ path: `${out}demo-shop-320.png` });

  // A Persian reader on a phone: the page right to left, the article in Persian.
  await phone.goto(`${demo.demo}/support.html`);
  await phone.evaluate(() => {
    document.documentElement.lang = 'fa';
    document.documentElement.dir = 'rtl';
    location.hash = '#help=track-a-shipment';
  });
  await phone.locator('portico-help-search [part~="body"][lang="fa"]').waitFor();
  await phone.locator('portico-help-search').evaluate((help) => help.scrollIntoView());
  await phone.screenshot({ path: `${out}portico-help-search-fa-320.png` });

  await phone.goto(`${demo.demo}/signin.html`);
  await phone.locator('portico-login').getByRole('button', { name: 'Sign in' }).waitFor();
  await phone.screenshot({ path: `${out}demo-sign-in-320.png` });
  console.log(`Screenshots written to ${out}`);
} finally {
  await browser.close();
  await demo.stop();
}

/** The page from its top down to `below`'s bottom edge: a header and what it shows under it. */
async function shootTop(page: Page, below: Locator, path: string): Promise<void> {
  await page.evaluate(() => (window.scrollTo(0, 0), document.fonts.ready));
  const box = await below.boundingBox();
  if (!box) throw new Error(`${path}: nothing to show`);
  const width = page.viewportSize()?.width ?? 1100;
  await page.screenshot({
    path,
    clip: { x: 0, y: 0, width, height: Math.ceil(box.y + box.height + 24) },
  });
}

/** A webhook endpoint and an ERP key made through the view, each shown-once secret then hidden. */
async function addIntegrations(view: Locator): Promise<void> {
  const endpoint = view.locator('[part~="endpoint-form"]');
  await endpoint.getByLabel('Address (URL)').fill('http://127.0.0.1:9/hooks');
  await endpoint.getByLabel('Description (optional)').fill('Warehouse system (test)');
  for (const event of ['Order placed', 'Order changed', 'Invoice issued']) {
    await endpoint.getByLabel(event, { exact: true }).check();
  }
  await endpoint.getByRole('button', { name: 'Add endpoint' }).click();
  await view.locator('[part~="secret-panel"]').waitFor();
  await view.getByRole('button', { name: 'Done, hide it' }).click();
  await view.locator('[part~="endpoint"]').first().waitFor();
  const key = view.locator('[part~="key-form"]');
  await key.getByLabel('Name').fill('ERP production');
  await key.getByRole('button', { name: 'Make key' }).click();
  await view.locator('[part~="secret-panel"]').waitFor();
  await view.getByRole('button', { name: 'Done, hide it' }).click();
  await view.locator('[part~="secret-panel"]').waitFor({ state: 'detached' });
}

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { signInOnPage, startDemoProcess, type DemoProcess } from '../support/demo-process.ts';
import { DEMO_SIGN_INS } from '../../backend/seed/demo.seed.ts';

const { customer, agent } = DEMO_SIGN_INS;

/** Where each text stands in the log, top to bottom; fails unless each is there exactly once. */
async function positions(log: Locator, texts: string[]): Promise<number[]> {
  const tops: number[] = [];
  for (const text of texts) {
    const found = log.getByText(text, { exact: true });
    await found.first().waitFor();
    assert.equal(await found.count(), 1, `"${text}" is shown once`);
    tops.push((await found.boundingBox())!.y);
  }
  return tops;
}

const ascending = (numbers: number[]) => numbers.every((n, i) => i === 0 || numbers[i - 1]! < n);

describe('live chat, from the customer’s question to an agent who ends it', () => {
  let demo: DemoProcess;
  let browser: Browser;

  before(async () => {
    [demo, browser] = await Promise.all([startDemoProcess(), launchChromium()]);
  });
  after(async () => {
    await browser?.close();
    await demo?.stop();
  });

  it('bot first, then a person: typing both ways, a reload loses nothing, the agent ends it', async () => {
    const problems: string[] = [];
    const watch = (page: Page, who: string) => {
      page.on('pageerror', (error) => problems.push(`${who}: ${error.message}`));
      page.on('console', (message) => {
        // A CSP violation is only a console error; the staff page must have none.
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
          problems.push(`${who}: ${message.text()}`);
        }
      });
    };

    // The agent opens the staff page first, so that a person is online when Anna asks for one.
    const agentContext = await browser.newContext();
    const agentPage = await agentContext.newPage();
    watch(agentPage, 'agent');
    await agentPage.goto(`${demo.portico}/staff`);
    const console_ = agentPage.locator('portico-staff-chat');
    await console_.getByText('Sign in with a staff account').waitFor();
    await signInOnPage(demo, agentPage, agent);
    await console_.getByText('Online: customers can reach you.').waitFor();

    // Anna signs in on the vendor's site and opens the chat on its support page.
    const customerContext = await browser.newContext();
    const page = await customerContext.newPage();
    watch(page, 'customer');
    await page.goto(`${demo.demo}/signin.html`);
    await signInOnPage(demo, page, customer);
    await page.goto(`${demo.demo}/support.html`);
    const chat = page.locator('portico-chat');
    await chat.getByRole('button', { name: /Chat/ }).click();
    const composer = chat.getByRole('textbox', { name: 'Message' });
    const question = 'I missed my delivery yesterday. How do I get my parcel now?';
    await composer.fill(question);
    await chat.getByRole('button', { name: 'Send' }).click();

    // The answer bot offers articles first; Anna would rather talk to a person.
    await chat.getByRole('button', { name: 'That solved it' }).waitFor();
    await chat.getByRole('button', { name: 'Talk to a person' }).click();

    // The agent sees her waiting, picks the chat up, and sees what the bot offered.
    const row = console_.locator('[part~="waiting"]', { hasText: question });
    await row.getByText('Account:').waitFor();
    await row.getByRole('button', { name: 'Pick up' }).click();
    await console_.getByRole('heading', { name: customer.name }).waitFor();
    await console_
      .getByRole('list', { name: 'Articles offered' })
      .getByRole('listitem')
      .first()
      .waitFor();
    const agentComposer = console_.getByRole('textbox', { name: 'Message' });

    // The agent types: Anna sees it, then the answer.
    const hello = 'Hello Anna, Jonas here. Let me look up your parcel.';
    await agentComposer.fill(hello);
    await chat.getByText(`${agent.name} is typing…`).waitFor();
    await agentComposer.press('Enter');
    await chat.getByText(hello, { exact: true }).waitFor();
    // The stream may bring it to Anna before the send's own answer reaches the agent, and the
    // draft is kept until that answer: wait for it to empty rather than read it once.
    await agentPage.waitForFunction(
      (composer) => (composer as HTMLTextAreaElement).value === '',
      await agentComposer.elementHandle(),
    );

    // Anna types: the agent sees it, then her answer.
    const reply = 'Thank you! It was order 4711.';
    await composer.fill(reply);
    await console_.getByText(`${customer.name} is typing…`).waitFor();
    await chat.getByRole('button', { name: 'Send' }).click();
    await console_.getByText(reply, { exact: true }).waitFor();
    await console_.getByText(`${customer.name} is typing…`).waitFor({ state: 'detached' });

    const found = 'Found it: the courier brings it again tomorrow morning.';
    await agentComposer.fill(found);
    await agentComposer.press('Enter');
    const log = chat.getByRole('log');
    await log.getByText(found, { exact: true }).waitFor();

    // A reload in the middle of the conversation loses nothing and doubles nothing.
    const said = [question, hello, reply, found];
    assert.ok(ascending(await positions(log, said)), 'in order before the reload');
    const items = await log.getByRole('listitem').count();
    await page.reload();
    await page.evaluate(() => customElements.whenDefined('portico-chat').then(() => true));
    if (!(await chat.evaluate((element) => element.matches(':state(open)')))) {
      await chat.getByRole('button', { name: /Chat/ }).click();
    }
    await log.getByText(found, { exact: true }).waitFor();
    assert.ok(ascending(await positions(log, said)), 'in order after the reload');
    assert.equal(await log.getByRole('listitem').count(), items, 'the same messages');

    // Another page of the vendor's site carries the same conversation, the panel still open.
    await page.goto(`${demo.demo}/index.html`);
    await log.getByText(found, { exact: true }).waitFor();
    assert.ok(ascending(await positions(log, said)), 'in order on the home page');
    assert.equal(await log.getByRole('listitem').count(), items, 'the same messages there');

    // The agent ends the chat; Anna can no longer write in it.
    await console_.getByRole('button', { name: 'End chat' }).click();
    await console_.locator('[part~="status"]', { hasText: 'Ended' }).waitFor();
    await composer.waitFor({ state: 'hidden' });
    await console_
      .getByRole('button', { name: `Put away the chat with ${customer.name}` })
      .waitFor();

    assert.deepEqual(problems, []);
    await customerContext.close();
    await agentContext.close();
  });
});

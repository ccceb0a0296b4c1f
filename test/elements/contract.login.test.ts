import { fixture, html } from '@open-wc/testing';
import '../../elements/portico-login/portico-login.ts';
import type { PorticoLogin } from '../../elements/portico-login/portico-login.ts';
import { agent, anna } from './support/people.ts';
import { all, backendUrl, part, signIn, until } from './support/page.ts';
import { contractSuite } from './support/contract.ts';
import { contractPage, rendered } from './support/contract.page.ts';

/** `<portico-login>` on a vendor's page, once it knows whether anyone is signed in. */
function renderLogin(): Promise<PorticoLogin> {
  return rendered(
    html`<portico-portal api=${backendUrl}><portico-login></portico-login></portico-portal>`,
    'portico-login',
  );
}

/** Types into the sign-in form and sends it, as a person would. */
async function submitSignIn(login: PorticoLogin, email: string, password: string): Promise<void> {
  const field = (name: string) =>
    login.shadowRoot!.querySelector<HTMLInputElement>(`input[name='${name}']`)!;
  field('email').value = email;
  field('password').value = password;
  part<HTMLButtonElement>(login, 'submit')!.click();
}

/**
 * The view the `index`th link below the sign-in form leads to (forgot, email code, sign up), by
 * position: its words are Persian in the right-to-left run.
 */
async function viewBehind(index: number): Promise<PorticoLogin> {
  const login = await renderLogin();
  const heading = () => login.shadowRoot?.querySelector('h2')?.textContent;
  const before = heading();
  all<HTMLButtonElement>(login, '.switch button')[index]?.click();
  await until(() => heading() !== before, `link ${index} opened no other view`);
  return login;
}

/** The page as a link from a mail opens it: `<portico-login>` reads what the link came for. */
async function fromLink(query: string): Promise<PorticoLogin> {
  const page = location.pathname + location.search;
  const joined = location.search ? `${location.search}&${query}` : `?${query}`;
  history.replaceState(null, '', `${location.pathname}${joined}`);
  try {
    return await renderLogin();
  } finally {
    history.replaceState(null, '', page);
  }
}

describe('<portico-login> keeps the element contract', () => {
  contractPage();

  contractSuite('<portico-login>', (state) => {
    state('loading: before it knows who is signed in', async () => {
      // No portal and no provider: the session stays unknown, as on a page whose script is late.
      return fixture<PorticoLogin>(html`<portico-login></portico-login>`);
    });

    state('signed out: the sign-in form', renderLogin);

    state('error: a wrong password, refused by the server', async () => {
      const login = await renderLogin();
      await submitSignIn(login, anna.email, 'wrong horse battery');
      await until(() => part(login, 'error'), 'no error was shown');
      return login;
    });

    state('the forgotten-password form', () => viewBehind(0));

    state('the sign-in-by-email-code form', () => viewBehind(1));

    state('the sign-up form', () => viewBehind(2));

    state('the new-password form a reset link opens', () =>
      fromLink('portico-action=reset-password&token=contract-token'),
    );

    state('error: a confirmation link that expired', () =>
      fromLink('portico-action=verified&error=INVALID_TOKEN'),
    );

    state('the security-code step after the password', async () => {
      const login = await renderLogin();
      await submitSignIn(login, agent.email, agent.password);
      await until(() => part(login, 'code'), 'the security-code step did not open');
      return login;
    });

    state('signed in', async () => {
      await signIn();
      const login = await renderLogin();
      await until(() => part(login, 'signed-in'), 'not signed in');
      return login;
    });
  });
});

import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import type { SessionState } from '../api/session.ts';
import { apiContext, sessionContext } from '../context.ts';
import { errorMessage } from '../api/errors.ts';
import { AuthError } from '../api/auth.ts';
import { SignedInEvent, SignedOutEvent } from '../events.ts';
import { CartStore } from '../shared/cart.ts';
import { formStyles, hostStyles } from '../shared/host.styles.ts';
import { styles } from './portico-login.styles.ts';
import { emailField, passwordField } from './portico-login.fields.ts';

type View = 'sign-in' | 'sign-up' | 'forgot' | 'reset';

/** The query parameter that tells this element what an emailed link came back for. */
const ACTION_PARAM = 'portico-action';

/**
 * Sign in, sign up, reset a forgotten password, and sign out. Signing in here updates every
 * Portico element on the page.
 *
 * @summary Customer sign-in.
 * @event portico-signed-in - A customer signed in; `event.user` has id, name and email.
 * @event portico-signed-out - The customer signed out.
 * @csspart form - Each form (sign in, sign up, forgot password, new password).
 * @csspart submit - The main button of each form.
 * @csspart error - The message shown when something failed, with `role="alert"`.
 * @csspart notice - A confirmation, such as "check your email".
 * @csspart signed-in - The signed-in state: the person's name and the sign-out button.
 * @csspart sign-out - The sign-out button.
 * @cssproperty --gap - Space between the fields. Default: `var(--portico-space, 1rem)`.
 */
@localized()
@customElement('portico-login')
export class PorticoLogin extends LitElement {
  static override styles = [hostStyles, formStyles, styles];

  /** Hides the sign-up link, for vendors who create customer accounts themselves. */
  @property({ type: Boolean, attribute: 'without-sign-up', reflect: true })
  withoutSignUp = false;

  /** The API client, from the page or the nearest `<portico-portal>`. */
  @consume({ context: apiContext, subscribe: true })
  @property({ attribute: false })
  api?: PorticoApi;

  /** Who is signed in, from the page or the nearest `<portico-portal>`. */
  @consume({ context: sessionContext, subscribe: true })
  @property({ attribute: false })
  session: SessionState = { status: 'unknown' };

  @state() private view: View = 'sign-in';
  @state() private notice = '';
  @state() private resetToken = '';
  @state() private linkError = '';

  private signInTask = new Task(this, {
    autoRun: false,
    task: async ([email, password]: [string, string], { signal }) => {
      await this.client().auth.signIn(email, password, signal);
      const state = await this.client().session.refresh();
      // The password was right but the browser did not keep the session cookie.
      if (state.status !== 'signed-in')
        throw new AuthError(0, 'SESSION_NOT_KEPT', 'Session cookie refused');
      this.dispatchEvent(new SignedInEvent(state.me.user));
    },
  });

  private signUpTask = new Task(this, {
    autoRun: false,
    task: async ([name, email, password]: [string, string, string], { signal }) => {
      await this.client().auth.signUp(name, email, password, this.returnUrl('verified'), signal);
      this.pendingEmail = email;
      this.show(
        'sign-in',
        msg(str`We sent a confirmation link to ${email}. Open it to finish signing up.`),
      );
    },
  });

  private resendTask = new Task(this, {
    autoRun: false,
    task: async ([email]: [string], { signal }) => {
      await this.client().auth.resendVerification(email, this.returnUrl('verified'), signal);
      this.show('sign-in', msg(str`We sent a new confirmation link to ${email}.`));
    },
  });

  private forgotTask = new Task(this, {
    autoRun: false,
    task: async ([email]: [string], { signal }) => {
      await this.client().auth.requestPasswordReset(
        email,
        this.returnUrl('reset-password'),
        signal,
      );
      this.show(
        'sign-in',
        msg(str`If ${email} has an account, we sent it a link to choose a new password.`),
      );
    },
  });

  private resetTask = new Task(this, {
    autoRun: false,
    task: async ([password]: [string], { signal }) => {
      await this.client().auth.resetPassword(this.resetToken, password, signal);
      this.resetToken = '';
      this.show('sign-in', msg('Your password is changed. Sign in with the new one.'));
    },
  });

  private signOutTask = new Task(this, {
    autoRun: false,
    task: async (_args: [], { signal }) => {
      await this.client().auth.signOut(signal);
      // The cart belongs to whoever filled it: on a shared computer the next person starts empty.
      CartStore.for(this.client().url).clear();
      this.client().session.markSignedOut();
      this.dispatchEvent(new SignedOutEvent());
      this.show('sign-in', '');
    },
  });

  /** The email of a sign-up or sign-in that still waits for its confirmation. */
  private pendingEmail = '';

  /** Set when the customer moved to another form, so its first field takes focus. */
  private focusFirstField = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.readReturnedLink();
  }

  protected override updated(_changed: PropertyValues): void {
    if (!this.focusFirstField) return;
    const field = this.renderRoot.querySelector<HTMLInputElement>('input');
    if (!field) return;
    this.focusFirstField = false;
    field.focus();
  }

  override render() {
    if (this.session.status === 'unknown') {
      return html`<p role="status">${msg('Loading…')}</p>`;
    }
    if (this.session.status === 'signed-in') return this.renderSignedIn();
    switch (this.view) {
      case 'sign-up':
        return this.renderSignUp();
      case 'forgot':
        return this.renderForgot();
      case 'reset':
        return this.renderReset();
      default:
        return this.renderSignIn();
    }
  }

  private renderSignedIn() {
    if (this.session.status !== 'signed-in') return nothing;
    const { user } = this.session.me;
    const pending = this.signOutTask.status === TaskStatus.PENDING;
    return html`
      <div part="signed-in">
        <p>${msg(html`Signed in as <strong>${user.name}</strong>`)}</p>
        <button
          part="sign-out"
          class="secondary"
          ?disabled=${pending}
          @click=${this.handleSignOutClick}
        >
          ${pending ? msg('Signing out…') : msg('Sign out')}
        </button>
      </div>
      ${this.renderError(this.signOutTask)}
    `;
  }

  private renderSignIn() {
    const unverified =
      this.signInTask.error && errorCode(this.signInTask.error) === 'EMAIL_NOT_VERIFIED';
    return this.renderForm({
      title: msg('Sign in'),
      task: this.signInTask,
      onSubmit: this.handleSignInSubmit,
      submit: msg('Sign in'),
      pending: msg('Signing in…'),
      intro: this.renderNotice(),
      fields: html`${emailField('username')} ${passwordField(msg('Password'), 'current-password')}
      ${this.renderError(this.resendTask)}
      ${
        unverified
          ? html`<button type="button" class="link" @click=${this.handleResendClick}>
              ${msg('Send the confirmation link again')}
            </button>`
          : nothing
      }`,
      footer: html`<p class="switch">
        <button type="button" class="link" @click=${() => this.show('forgot')}>
          ${msg('Forgot your password?')}
        </button>
        ${
          this.withoutSignUp
            ? nothing
            : html`<button type="button" class="link" @click=${() => this.show('sign-up')}>
                ${msg('New here? Create an account')}
              </button>`
        }
      </p>`,
    });
  }

  private renderSignUp() {
    return this.renderForm({
      title: msg('Create an account'),
      task: this.signUpTask,
      onSubmit: this.handleSignUpSubmit,
      submit: msg('Create account'),
      pending: msg('Creating your account…'),
      fields: html`
        <label>
          ${msg('Your name')}
          <input name="name" autocomplete="name" required maxlength="100" />
        </label>
        ${emailField('email')}
        ${passwordField(msg('Password (at least 8 characters)'), 'new-password')}
      `,
      secondary: this.renderBackButton(msg('I already have an account')),
    });
  }

  private renderForgot() {
    return this.renderForm({
      title: msg('Reset your password'),
      task: this.forgotTask,
      onSubmit: this.handleForgotSubmit,
      submit: msg('Send the link'),
      pending: msg('Sending…'),
      intro: html`<p>
        ${msg('Enter your email and we will send you a link to choose a new password.')}
      </p>`,
      fields: emailField('username'),
      secondary: this.renderBackButton(msg('Back to sign in')),
    });
  }

  private renderReset() {
    return this.renderForm({
      title: msg('Choose a new password'),
      task: this.resetTask,
      onSubmit: this.handleResetSubmit,
      submit: msg('Save the new password'),
      pending: msg('Saving…'),
      fields: passwordField(msg('New password (at least 8 characters)'), 'new-password'),
    });
  }

  /** One form of the element: title, fields, the task's error, and a submit that shows progress. */
  private renderForm(form: {
    title: string;
    task: { status: TaskStatus; error: unknown };
    onSubmit: (event: SubmitEvent) => void;
    submit: string;
    pending: string;
    fields: unknown;
    intro?: unknown;
    secondary?: unknown;
    footer?: unknown;
  }) {
    const busy = form.task.status === TaskStatus.PENDING;
    return html`
      <form part="form" aria-labelledby="title" @submit=${form.onSubmit}>
        <h2 id="title">${form.title}</h2>
        ${form.intro ?? nothing} ${form.fields} ${this.renderError(form.task)}
        <div class="actions">
          <button part="submit" class="primary" type="submit" ?disabled=${busy}>
            ${busy ? form.pending : form.submit}
          </button>
          ${form.secondary ?? nothing}
        </div>
        ${form.footer ?? nothing}
      </form>
    `;
  }

  private renderBackButton(label: string) {
    return html`<button type="button" class="link" @click=${() => this.show('sign-in')}>
      ${label}
    </button>`;
  }

  private renderNotice() {
    if (this.linkError) return html`<p part="error" role="alert">${this.linkError}</p>`;
    return this.notice ? html`<p part="notice" role="status">${this.notice}</p>` : nothing;
  }

  private renderError(task: { status: TaskStatus; error: unknown }) {
    if (task.status !== TaskStatus.ERROR) return nothing;
    const text = errorMessage(task.error);
    return text ? html`<p part="error" role="alert">${text}</p>` : nothing;
  }

  private client(): PorticoApi {
    if (!this.api) throw new Error('portico-login is not inside a Portico page');
    return this.api;
  }

  private show(view: View, notice = '') {
    this.focusFirstField = true;
    this.view = view;
    this.notice = notice;
    this.linkError = '';
  }

  /** This page's address with an action marker, for links that come back by email. */
  private returnUrl(action: 'verified' | 'reset-password'): string {
    const url = new URL(location.href);
    url.searchParams.delete('token');
    url.searchParams.delete('error');
    url.searchParams.set(ACTION_PARAM, action);
    url.hash = '';
    return url.href;
  }

  /** Picks up a confirmation or password-reset link that brought the customer back here. */
  private readReturnedLink() {
    const url = new URL(location.href);
    const action = url.searchParams.get(ACTION_PARAM);
    if (!action) return;
    const token = url.searchParams.get('token');
    const error = url.searchParams.get('error');
    if (error) {
      this.linkError = msg('This link has expired or was already used. Ask for a new one.');
    } else if (action === 'reset-password' && token) {
      this.resetToken = token;
      this.view = 'reset';
    } else if (action === 'verified') {
      this.notice = msg('Your email is confirmed. Welcome!');
    }
    for (const name of [ACTION_PARAM, 'token', 'error']) url.searchParams.delete(name);
    history.replaceState(history.state, '', url.href);
  }

  private handleSignInSubmit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.pendingEmail = String(data.get('email'));
    void this.signInTask.run([this.pendingEmail, String(data.get('password'))]);
  }

  private handleSignUpSubmit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    void this.signUpTask.run([
      String(data.get('name')).trim(),
      String(data.get('email')),
      String(data.get('password')),
    ]);
  }

  private handleForgotSubmit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    void this.forgotTask.run([String(data.get('email'))]);
  }

  private handleResetSubmit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    void this.resetTask.run([String(data.get('password'))]);
  }

  private handleResendClick() {
    if (this.pendingEmail) void this.resendTask.run([this.pendingEmail]);
  }

  private handleSignOutClick() {
    void this.signOutTask.run([]);
  }
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error && 'code' in error ? String(error.code) : undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-login': PorticoLogin;
  }
}

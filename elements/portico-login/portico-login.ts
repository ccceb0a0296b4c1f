import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import type { SessionState } from '../api/session.ts';
import { apiContext, sessionContext } from '../context.ts';
import { ownDirection } from '../shared/bidi.ts';
import { BusyNotice } from '../shared/busy.ts';
import { AuthError } from '../api/auth.ts';
import { SignedInEvent, SignedOutEvent } from '../events.ts';
import { CartStore } from '../shared/cart.ts';
import { formStyles, hostStyles } from '../shared/host.styles.ts';
import { BrandingController } from '../shared/branding.ts';
import { renderVendorHeader, vendorHeaderStyles } from '../shared/vendor-header.ts';
import { styles } from './portico-login.styles.ts';
import { emailField, passwordField, renderAuthError, renderForm } from './portico-login.fields.ts';
import { forgotForm, resetForm, signUpForm } from './portico-login.forms.ts';
import { SecondFactorController, type LoginSteps } from './portico-login.second-factor.ts';
import { EmailCodeController } from './portico-login.email-code.ts';
import { returnUrl, takeReturnedLink } from './portico-login.links.ts';
import { confirmationResent, confirmationSent, resetLinkSent } from './portico-login.sent.ts';
import { firstUpdateInNextTask } from '../shared/first-update.ts';

type View = 'sign-in' | 'sign-up' | 'forgot' | 'reset' | 'second-factor' | 'email-code';

/**
 * Sign in (with a security code after the password when the person has them, or with an
 * emailed code instead of a password), sign up, reset a forgotten password, and sign out.
 * Signing in here updates every Portico element on the page.
 *
 * @summary Customer sign-in.
 * @event portico-signed-in - A customer signed in; `event.user` has id, name and email.
 * @event portico-signed-out - The customer signed out.
 * @slot header - Above the forms while nobody is signed in. Default: the vendor's logo and name
 *   from the portal's settings.
 * @csspart brand - The box of the `header` slot.
 * @csspart logo - The vendor's logo (the slot's default content).
 * @csspart vendor-name - The vendor's name (the slot's default content).
 * @csspart title - The heading of each form.
 * @csspart loading - "Loading…" while the element learns whether someone is signed in.
 * @csspart forgot - "Forgot your password?".
 * @csspart sign-up - "New here? Create an account".
 * @csspart resend-confirmation - "Send the confirmation link again", after an unconfirmed sign-in.
 * @csspart back - The way back to the sign-in form from another form.
 * @csspart other-email - "Use another email" on the emailed-code form.
 * @csspart form - Each form (sign in, security code, sign-in code, sign up, forgot or new password).
 * @csspart code - The field for a security code, an emailed code or a backup code.
 * @csspart trust-device - The checkbox "Trust this device for 30 days".
 * @csspart use-app - Switches the security-code step to the authenticator app.
 * @csspart use-email - Switches it to a code by email (and sends one).
 * @csspart use-backup-code - Switches it to a backup code.
 * @csspart resend - "Send a new code".
 * @csspart start-again - Leaves the security-code step for the password form.
 * @csspart email-code - "Email me a sign-in code instead" on the sign-in form.
 * @csspart submit - The main button of each form.
 * @csspart error - The message shown when something failed, with `role="alert"`.
 * @csspart notice - A confirmation, such as "check your email".
 * @csspart signed-in - The signed-in state: the person's name and the sign-out button.
 * @csspart sign-out - The sign-out button.
 * @cssproperty --gap - Space between the fields. Default: `var(--portico-space, 1rem)`.
 * @cssproperty --max-width - The widest the element gets. Default: 28 times its font size.
 */
@customElement('portico-login')
@localized()
@firstUpdateInNextTask
export class PorticoLogin extends LitElement {
  static override styles = [hostStyles, formStyles, vendorHeaderStyles, styles];

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
  /** What the live region last said, such as "Signed in." */
  @state() private announcement = '';

  /** What the security-code and sign-in-code steps ask of this element. */
  private steps: LoginSteps = {
    signedIn: () => this.signedIn(),
    restart: () => this.show('sign-in'),
    focusField: () => {
      this.focusFirstField = true;
      this.requestUpdate();
    },
    announce: (text) => (this.announcement = text),
  };

  private busyNotice = new BusyNotice(this);
  private branding = new BrandingController(this);
  private secondFactor = new SecondFactorController(this, this.steps);
  private emailCode = new EmailCodeController(this, this.steps);

  private signInTask = new Task(this, {
    autoRun: false,
    task: async ([email, password]: [string, string], { signal }) => {
      const answer = await this.client().auth.signIn(email, password, signal);
      if (!answer.twoFactorRedirect) return this.signedIn();
      this.show('second-factor');
      this.secondFactor.start(answer.twoFactorMethods ?? []);
    },
  });

  private signUpTask = new Task(this, {
    autoRun: false,
    task: async ([name, email, password]: [string, string, string], { signal }) => {
      await this.client().auth.signUp(name, email, password, returnUrl('verified'), signal);
      this.pendingEmail = email;
      this.show('sign-in', confirmationSent(email));
    },
  });

  private resendTask = new Task(this, {
    autoRun: false,
    task: async ([email]: [string], { signal }) => {
      await this.client().auth.resendVerification(email, returnUrl('verified'), signal);
      this.show('sign-in', confirmationResent(email));
    },
  });

  private forgotTask = new Task(this, {
    autoRun: false,
    task: async ([email]: [string], { signal }) => {
      await this.client().auth.requestPasswordReset(email, returnUrl('reset-password'), signal);
      this.show('sign-in', resetLinkSent(email));
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
      // Said aloud, and it clears "Signed in." so that the next sign-in is heard again.
      this.announcement = msg('You are signed out.');
    },
  });

  /** The email of a sign-up or sign-in that still waits for its confirmation. */
  private pendingEmail = '';

  /** Set when the customer moved to another form, so its first field takes focus. */
  private focusFirstField = false;
  /** After a sign-in here the form is gone: the signed-in line takes its focus, if it had it. */
  private focusSignedIn = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.readReturnedLink();
  }

  protected override updated(_changed: PropertyValues): void {
    if (this.focusSignedIn && this.session.status === 'signed-in') {
      this.focusSignedIn = false;
      if (document.activeElement === document.body || this.matches(':focus-within'))
        this.renderRoot.querySelector<HTMLElement>('#signed-in-as')?.focus();
    }
    if (!this.focusFirstField) return;
    const field = this.renderRoot.querySelector<HTMLInputElement>('input:not([hidden])');
    if (!field) return;
    this.focusFirstField = false;
    field.focus();
  }

  override render() {
    if (this.session.status === 'unknown') {
      return html`<p part="loading" role="status">${msg('Loading…')}</p>`;
    }
    return html`<p class="visually-hidden" role="status">${this.announcement}</p>
      ${
        this.session.status === 'signed-in'
          ? this.renderSignedIn()
          : html`${renderVendorHeader(this.branding.branding)} ${this.renderView()}`
      }`;
  }

  private renderView() {
    const back = (label: string) => this.renderBackButton(label);
    switch (this.view) {
      case 'second-factor':
        return this.secondFactor.render();
      case 'email-code':
        return this.emailCode.render();
      case 'sign-up':
        return signUpForm({ task: this.signUpTask, onSubmit: this.handleSignUpSubmit, back });
      case 'forgot':
        return forgotForm({ task: this.forgotTask, onSubmit: this.handleForgotSubmit, back });
      case 'reset':
        return resetForm({ task: this.resetTask, onSubmit: this.handleResetSubmit });
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
        <p id="signed-in-as" tabindex="-1">
          ${msg(html`Signed in as <strong>${ownDirection(user.name)}</strong>`)}
        </p>
        <button
          part="sign-out"
          class="secondary"
          ?disabled=${pending}
          @click=${this.handleSignOutClick}
        >
          ${pending ? msg('Signing out…') : msg('Sign out')}
        </button>
      </div>
      ${renderAuthError(this.signOutTask)}
    `;
  }

  private renderSignIn() {
    const { error } = this.signInTask;
    const unverified = error instanceof AuthError && error.code === 'EMAIL_NOT_VERIFIED';
    return renderForm({
      title: msg('Sign in'),
      task: this.signInTask,
      onSubmit: this.handleSignInSubmit,
      submit: msg('Sign in'),
      pending: msg('Signing in…'),
      intro: this.renderNotice(),
      fields: html`${emailField('username')} ${passwordField(msg('Password'), 'current-password')}
      ${renderAuthError(this.resendTask)}
      ${
        unverified
          ? html`<button
              type="button"
              part="resend-confirmation"
              class="link"
              @click=${this.handleResendClick}
            >
              ${msg('Send the confirmation link again')}
            </button>`
          : nothing
      }`,
      footer: html`<p class="switch">
        <button type="button" part="forgot" class="link" @click=${() => this.show('forgot')}>
          ${msg('Forgot your password?')}
        </button>
        <button type="button" part="email-code" class="link" @click=${this.handleEmailCodeClick}>
          ${msg('Email me a sign-in code instead')}
        </button>
        ${
          this.withoutSignUp
            ? nothing
            : html`<button
                type="button"
                part="sign-up"
                class="link"
                @click=${() => this.show('sign-up')}
              >
                ${msg('New here? Create an account')}
              </button>`
        }
      </p>`,
    });
  }

  private renderBackButton(label: string) {
    return html`<button type="button" part="back" class="link" @click=${() => this.show('sign-in')}>
      ${label}
    </button>`;
  }

  private renderNotice() {
    if (this.linkError) return html`<p part="error" role="alert">${this.linkError}</p>`;
    return this.notice ? html`<p part="notice" role="status">${this.notice}</p>` : nothing;
  }

  /** Reads the session the server just set and tells the page; shared by every way of signing in. */
  private async signedIn() {
    const state = await this.client().session.refresh();
    // The sign-in was right but the browser did not keep the session cookie.
    if (state.status !== 'signed-in')
      throw new AuthError(0, 'SESSION_NOT_KEPT', 'Session cookie refused');
    // A later sign-out (here or anywhere) starts from the password form again.
    this.view = 'sign-in';
    this.focusSignedIn = true;
    this.announcement = msg('Signed in.');
    this.dispatchEvent(new SignedInEvent(state.me.user));
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

  /** Picks up a confirmation or password-reset link that brought the customer back here. */
  private readReturnedLink() {
    const link = takeReturnedLink();
    if (link?.failed) {
      this.linkError = msg('This link has expired or was already used. Ask for a new one.');
    } else if (link?.action === 'reset-password' && link.token) {
      this.resetToken = link.token;
      this.view = 'reset';
    } else if (link?.action === 'verified') {
      this.notice = msg('Your email is confirmed. Welcome!');
    }
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

  private handleEmailCodeClick() {
    this.emailCode.reset();
    this.show('email-code');
  }

  private handleResendClick() {
    if (this.pendingEmail) void this.resendTask.run([this.pendingEmail]);
  }

  private handleSignOutClick() {
    void this.signOutTask.run([]);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-login': PorticoLogin;
  }
}

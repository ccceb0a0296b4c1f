import { html, nothing } from 'lit';
import { Task, type TaskStatus } from '@lit/task';
import { msg } from '@lit/localize';
import type { PorticoApi } from '../api/client.ts';
import { AuthError } from '../api/auth.ts';
import { errorMessage } from '../api/errors.ts';
import {
  codeField,
  codeOf,
  emailField,
  renderAuthError,
  renderForm,
} from './portico-login.fields.ts';
import type { LoginHost, LoginSteps } from './portico-login.second-factor.ts';

/**
 * A refused code in words that never tell whether the address has an account: an unknown
 * address fails exactly as a wrong code does.
 */
function codeRefusal(error: unknown): string {
  if (error instanceof AuthError && (error.code === 'USER_NOT_FOUND' || error.status === 404)) {
    return errorMessage(new AuthError(401, 'INVALID_OTP', ''));
  }
  return errorMessage(error);
}

/**
 * Signing in without a password: the person gives their email, gets a code by mail and enters
 * it. People with security codes are sent back to their password, as a code alone is not enough.
 */
export class EmailCodeController {
  /** The address the code went to; empty while the person has not asked for one yet. */
  email = '';

  readonly sendTask: Task<[PorticoApi, string], void>;
  readonly signInTask: Task<[PorticoApi, string, string], void>;

  readonly #host: LoginHost;
  readonly #steps: LoginSteps;
  /** The tasks run since the address last changed: only their errors are news. */
  readonly #ran = new Set<object>();

  constructor(host: LoginHost, steps: LoginSteps) {
    this.#host = host;
    this.#steps = steps;

    this.sendTask = new Task(host, {
      autoRun: false,
      task: async ([api, email]: [PorticoApi, string], { signal }) => {
        const again = this.email === email;
        await api.auth.sendSignInCode(email, signal);
        this.email = email;
        if (again) steps.announce(msg('We sent a new code.'));
        steps.focusField();
      },
    });

    this.signInTask = new Task(host, {
      autoRun: false,
      task: async ([api, email, code]: [PorticoApi, string, string], { signal }) => {
        try {
          await api.auth.signInWithCode(email, code, signal);
        } catch (error) {
          steps.focusField();
          throw error;
        }
        await steps.signedIn();
        steps.announce(msg('Signed in.'));
      },
    });
  }

  /** Back to asking for the address. */
  reset(): void {
    this.email = '';
    this.#ran.clear();
  }

  render() {
    return this.email ? this.#renderCode() : this.#renderEmail();
  }

  #renderEmail() {
    return renderForm({
      title: msg('Sign in with a code'),
      task: this.sendTask,
      onSubmit: this.#onEmail,
      submit: msg('Email me a code'),
      pending: msg('Sending…'),
      intro: html`<p>${msg('We will email you a code that signs you in, no password needed.')}</p>`,
      fields: emailField('username'),
      secondary: this.#renderBack(),
    });
  }

  #renderCode() {
    return renderForm({
      title: msg('Sign in with a code'),
      task: this.signInTask,
      onSubmit: this.#onCode,
      submit: msg('Sign in'),
      pending: msg('Signing in…'),
      intro: html`<p part="notice" role="status">
        ${msg('If an account exists for this address, we sent a code.')}
      </p>`,
      fields: html`
        <!-- Tells password managers and the system's code autofill whose code this is. -->
        <input hidden name="email" autocomplete="username" readonly .value=${this.email} />
        ${codeField(msg('Code from the email'))}
      `,
      error: html`${this.#error(this.signInTask, codeRefusal(this.signInTask.error))}
      ${this.#error(this.sendTask)}`,
      secondary: this.#renderBack(),
      footer: html`<p class="switch">
        <button type="button" part="resend" class="link" @click=${this.#onResend}>
          ${msg('Send a new code')}
        </button>
        <button type="button" part="other-email" class="link" @click=${this.#onOtherEmail}>
          ${msg('Use another email')}
        </button>
      </p>`,
    });
  }

  #error(task: { status: TaskStatus; error: unknown }, sentence?: string) {
    return this.#ran.has(task) ? renderAuthError(task, sentence) : nothing;
  }

  #renderBack() {
    return html`<button
      type="button"
      part="back"
      class="link"
      @click=${() => this.#steps.restart()}
    >
      ${msg('Sign in with a password')}
    </button>`;
  }

  readonly #onEmail = (event: SubmitEvent) => {
    event.preventDefault();
    const api = this.#host.api;
    const email = String(new FormData(event.target as HTMLFormElement).get('email') ?? '');
    if (!api) return;
    this.#ran.clear();
    this.#ran.add(this.sendTask);
    void this.sendTask.run([api, email.trim()]);
  };

  readonly #onCode = (event: SubmitEvent) => {
    event.preventDefault();
    const api = this.#host.api;
    if (!api) return;
    this.#ran.add(this.signInTask);
    void this.signInTask.run([api, this.email, codeOf(event.target as HTMLFormElement)]);
  };

  readonly #onResend = () => {
    const api = this.#host.api;
    if (!api) return;
    this.#ran.clear();
    this.#ran.add(this.sendTask);
    void this.sendTask.run([api, this.email]);
  };

  readonly #onOtherEmail = () => {
    this.reset();
    this.#steps.focusField();
    this.#host.requestUpdate();
  };
}

import { html, nothing, type ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { AuthError, type SecondFactorMethod } from '../api/auth.ts';
import { codeField, codeOf, renderAuthError, renderForm } from './portico-login.fields.ts';

/** The element that hosts the sign-in's later steps. */
export interface LoginHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** What the sign-in's later steps ask of `<portico-login>`. */
export interface LoginSteps {
  /** Reads the session the server just set and tells the page, as a password sign-in does. */
  signedIn(): Promise<void>;
  /** Back to the password form. */
  restart(): void;
  /** Moves focus to the form's first field once it is on screen. */
  focusField(): void;
  /** Says `text` in the element's polite live region. */
  announce(text: string): void;
}

type Mode = 'totp' | 'otp' | 'backup-code';

/**
 * The second step of signing in, for people with security codes: a code from their authenticator
 * app, a code by email, or a backup code, and whether to trust this device for 30 days.
 */
export class SecondFactorController {
  /** The ways the person set up, as the password step answered. */
  methods: readonly SecondFactorMethod[] = [];
  mode: Mode = 'totp';
  /** Whether an email code was sent during this step. */
  sent = false;

  readonly verifyTask: Task<[PorticoApi, Mode, string, boolean], void>;
  readonly sendTask: Task<[PorticoApi], void>;

  readonly #host: LoginHost;
  readonly #steps: LoginSteps;
  /** The tasks run since the way of signing in last changed: only their errors are news. */
  readonly #ran = new Set<object>();

  constructor(host: LoginHost, steps: LoginSteps) {
    this.#host = host;
    this.#steps = steps;

    this.verifyTask = new Task(host, {
      autoRun: false,
      task: async ([api, mode, code, trust]: [PorticoApi, Mode, string, boolean], { signal }) => {
        try {
          await api.auth.verifySecondFactor(mode, code, trust, signal);
        } catch (error) {
          // A wrong code is typed again: the field is emptied and takes focus.
          if (!this.expired(error)) this.#clearCode();
          throw error;
        }
        await steps.signedIn();
        steps.announce(msg('Signed in.'));
      },
    });

    this.sendTask = new Task(host, {
      autoRun: false,
      task: async ([api]: [PorticoApi], { signal }) => {
        await api.auth.sendSecondFactorCode(signal);
        this.sent = true;
        steps.announce(msg('We emailed you a code.'));
        steps.focusField();
      },
    });
  }

  /** Begins the step with the ways the password step answered. */
  start(methods: readonly SecondFactorMethod[]): void {
    this.methods = methods;
    this.sent = false;
    this.#use(methods.includes('totp') ? 'totp' : 'otp');
  }

  /**
   * Whether the step itself has run out (it lasts minutes, and a few wrong app or backup codes
   * end it), so only starting again with the password helps.
   */
  expired(error: unknown): boolean {
    if (!(error instanceof AuthError)) return false;
    if (error.code === 'INVALID_TWO_FACTOR_COOKIE') return true;
    // Too many wrong emailed codes end only that code: a new one may be sent.
    return error.code === 'TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE' && this.mode !== 'otp';
  }

  render() {
    const waitingForMail = this.mode === 'otp' && !this.sent;
    const verify = this.verifyTask;
    const expired = this.#failed(verify) && this.expired(verify.error);
    return renderForm({
      title: msg('Security code'),
      task: waitingForMail ? this.sendTask : verify,
      onSubmit: waitingForMail ? this.#onSend : this.#onVerify,
      submit: waitingForMail ? msg('Email me a code') : msg('Verify'),
      pending: waitingForMail ? msg('Sending…') : msg('Checking…'),
      intro: this.#renderIntro(),
      fields: waitingForMail ? nothing : this.#renderFields(),
      error: waitingForMail ? undefined : this.#renderError(),
      secondary: html`<button
        part="start-again"
        type="button"
        class=${expired ? 'primary' : 'secondary'}
        @click=${() => this.#steps.restart()}
      >
        ${msg('Start again')}
      </button>`,
      footer: html`<p class="switch">${this.#renderOtherWays()}</p>`,
    });
  }

  #renderIntro() {
    switch (this.mode) {
      case 'totp':
        return html`<p>${msg('Enter the 6-digit code from your authenticator app.')}</p>`;
      case 'backup-code':
        return html`<p>${msg('Enter one of your backup codes. Each one works once.')}</p>`;
      case 'otp':
        return this.sent
          ? html`<p part="notice" role="status">
              ${msg('We emailed you a code. It works for a few minutes.')}
            </p>`
          : html`<p>${msg('We will email you a code to finish signing in.')}</p>`;
    }
  }

  #renderFields() {
    const code =
      this.mode === 'backup-code'
        ? html`<label>
            ${msg('Backup code')}
            <input
              name="code"
              part="code"
              autocomplete="off"
              autocapitalize="off"
              spellcheck="false"
              required
              maxlength="64"
              dir="ltr"
            />
          </label>`
        : codeField(this.mode === 'totp' ? msg('Code from your app') : msg('Code from the email'));
    return html`${code}
      <label class="choice">
        <input part="trust-device" type="checkbox" name="trustDevice" />
        <span>${msg('Trust this device for 30 days')}</span>
      </label>`;
  }

  #renderError() {
    const task = this.verifyTask;
    if (!this.#failed(task))
      return this.#failed(this.sendTask) ? renderAuthError(this.sendTask) : nothing;
    const code = task.error instanceof AuthError ? task.error.code : '';
    return code === 'TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE' && this.mode === 'otp'
      ? renderAuthError(task, msg('Too many wrong codes. Send a new code.'))
      : renderAuthError(task);
  }

  #failed(task: { status: TaskStatus }): boolean {
    return task.status === TaskStatus.ERROR && this.#ran.has(task);
  }

  #renderOtherWays() {
    const link = (mode: Mode, label: string, part: string) =>
      html`<button type="button" part=${part} class="link" @click=${() => this.#use(mode)}>
        ${label}
      </button>`;
    const totp = this.methods.includes('totp');
    return html`
      ${
        this.mode !== 'totp' && totp
          ? link('totp', msg('Use your authenticator app'), 'use-app')
          : nothing
      }
      ${this.mode !== 'otp' ? link('otp', msg('Email me a code'), 'use-email') : nothing}
      ${
        this.mode === 'otp' && this.sent
          ? html`<button type="button" part="resend" class="link" @click=${this.#resend}>
              ${msg('Send a new code')}
            </button>`
          : nothing
      }
      ${
        // Backup codes come with an authenticator app; codes by mail alone have none.
        this.mode !== 'backup-code' && totp
          ? link('backup-code', msg('Use a backup code'), 'use-backup-code')
          : nothing
      }
    `;
  }

  #use(mode: Mode) {
    this.mode = mode;
    this.#ran.clear();
    this.#steps.focusField();
    this.#host.requestUpdate();
    // Choosing email sends a code at once, as does a sign-in by someone with emailed codes only.
    if (mode === 'otp' && !this.sent) this.#resend();
  }

  #clearCode() {
    this.#steps.focusField();
    const field = this.#host.renderRoot.querySelector<HTMLInputElement>("input[name='code']");
    if (field) field.value = '';
  }

  readonly #resend = () => {
    const api = this.#host.api;
    if (!api) return;
    this.#ran.clear();
    this.#ran.add(this.sendTask);
    void this.sendTask.run([api]);
  };

  readonly #onSend = (event: SubmitEvent) => {
    event.preventDefault();
    this.#resend();
  };

  readonly #onVerify = (event: SubmitEvent) => {
    event.preventDefault();
    const api = this.#host.api;
    if (!api) return;
    const form = event.target as HTMLFormElement;
    const code =
      this.mode === 'backup-code'
        ? String(new FormData(form).get('code') ?? '').trim()
        : codeOf(form);
    const trust = new FormData(form).get('trustDevice') === 'on';
    this.#ran.add(this.verifyTask);
    void this.verifyTask.run([api, this.mode, code, trust]);
  };
}

import { html, nothing, type ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import type { SessionState } from '../api/session.ts';
import { AuthError, type SecondFactorMethod } from '../api/auth.ts';
import { renderTaskError } from './task.ts';
import { renderQrCode } from './qr-code.ts';
import { copyCodes, downloadCodes, renderBackupCodes } from './backup-codes.ts';

/** What the security settings need of the element that hosts them. */
export interface SecurityHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
  readonly session: SessionState;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** What they ask of it: focus moved after a render, and a polite announcement. */
export interface SecurityEffects {
  focusSoon(selector: string): void;
  announce(text: string): void;
}

type Stage = 'choose' | 'password' | 'scan' | 'codes' | 'done';

/** A fresh authenticator app: what to scan or type into it, and the backup codes it came with. */
interface NewApp {
  uri: string;
  secret: string;
  backupCodes: string[];
}

/** The key inside an `otpauth://` URI, in groups of four as people copy it by hand. */
export function secretOf(uri: string): string {
  let secret = '';
  try {
    secret = new URL(uri).searchParams.get('secret') ?? '';
  } catch {
    // Not a URI: nothing to type in by hand, the QR code still works.
  }
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** A wrong password, said beside the password field rather than as a failed sign-in. */
export function passwordProblem(error: unknown): string | null {
  return error instanceof AuthError && error.code === 'INVALID_PASSWORD'
    ? msg('That is not your password. Check it and try again.')
    : null;
}

/** A password field that confirms it is the person before a change to their security. */
export function renderPasswordField(id: string, problem: string | null) {
  return html`
    <div class="field">
      <label for=${id}>${msg('Your password')}</label>
      <input
        id=${id}
        part="security-password"
        name="password"
        type="password"
        autocomplete="current-password"
        required
        maxlength="128"
        aria-invalid=${problem ? 'true' : nothing}
        aria-describedby=${problem ? `${id}-error` : nothing}
      />
      ${problem ? html`<span part="field-error" id="${id}-error">${problem}</span>` : nothing}
    </div>
  `;
}

/**
 * Turning security codes on: the choice of an authenticator app or codes by email, the password,
 * then for an app its QR code (and the key to type by hand), a code from it to confirm, and the
 * backup codes once. The profile and the staff console use the same one.
 */
export class SecuritySetupController {
  stage: Stage = 'choose';
  method: SecondFactorMethod = 'totp';
  app: NewApp | null = null;
  /** A wrong password or code, said beside its field. */
  problem: string | null = null;

  readonly enableTask: Task<[PorticoApi, SecondFactorMethod, string], void>;
  readonly confirmTask: Task<[PorticoApi, string], void>;

  readonly #host: SecurityHost;
  readonly #effects: SecurityEffects;
  readonly #finished: () => Promise<void> | void;
  readonly #home: string;
  /** The tasks run since the stage last changed: only their errors are still news. */
  readonly #ran = new Set<object>();

  /**
   * `home` is what takes focus when the person cancels or is done, such as the heading of the
   * section around; `finished` hears when they are done, to read their session again.
   */
  constructor(
    host: SecurityHost,
    effects: SecurityEffects,
    options: { home: string; finished: () => Promise<void> | void },
  ) {
    this.#host = host;
    this.#effects = effects;
    this.#finished = options.finished;
    this.#home = options.home;

    this.enableTask = new Task(host, {
      autoRun: false,
      task: async (
        [api, method, password]: [PorticoApi, SecondFactorMethod, string],
        { signal },
      ) => {
        try {
          const answer = await api.auth.enableSecondFactor(password, method, signal);
          if (method === 'totp' && answer.totpURI) {
            const uri = answer.totpURI;
            this.app = { uri, secret: secretOf(uri), backupCodes: answer.backupCodes ?? [] };
            this.#go('scan', '#setup-scan-title');
          } else {
            this.#go('done', '#setup-done');
            effects.announce(msg('Security codes are on.'));
          }
        } catch (error) {
          this.problem = passwordProblem(error);
          effects.focusSoon(this.problem ? '#setup-password' : "[part~='setup'] [part~='error']");
          throw error;
        }
      },
    });

    this.confirmTask = new Task(host, {
      autoRun: false,
      task: async ([api, code]: [PorticoApi, string], { signal }) => {
        try {
          await api.auth.verifySecondFactor('totp', code, false, signal);
        } catch (error) {
          effects.focusSoon('#setup-code');
          throw error;
        }
        effects.announce(msg('Security codes are on. Store your backup codes now.'));
        if (this.app?.backupCodes.length) this.#go('codes', '#backup-codes-title');
        else this.#go('done', '#setup-done');
      },
    });
  }

  /** Back to the start, showing nothing of a setup under way: another person is signed in. */
  reset(): void {
    this.stage = 'choose';
    this.app = null;
    this.problem = null;
    this.#ran.clear();
  }

  /** Starts with the password step, for a method chosen elsewhere (adding an app later). */
  start(method: SecondFactorMethod): void {
    this.#choose(method);
  }

  /** Whether a setup is under way, so the host shows it instead of the settings around it. */
  get active(): boolean {
    return this.stage !== 'choose';
  }

  render() {
    return html`<div part="setup" class="setup">${this.#renderStage()}</div>`;
  }

  #renderStage() {
    switch (this.stage) {
      case 'choose':
        return this.#renderChoice();
      case 'password':
        return this.#renderPassword();
      case 'scan':
        return this.#renderScan();
      case 'codes':
        return renderBackupCodes(this.app?.backupCodes ?? [], {
          onCopy: () => void copyCodes(this.app?.backupCodes ?? [], this.#effects),
          onDownload: () => downloadCodes(this.app?.backupCodes ?? [], this.#host.renderRoot),
          onDone: () => void this.#finish(),
        });
      case 'done':
        return html`<div class="panel">
          <p part="notice" id="setup-done" tabindex="-1">
            ${
              this.method === 'otp'
                ? msg('Security codes are on. Each time you sign in, we will email you a code.')
                : msg('Security codes are on.')
            }
          </p>
          <div class="actions">
            <button part="setup-done" type="button" class="primary" @click=${this.#finish}>
              ${msg('Continue')}
            </button>
          </div>
        </div>`;
    }
  }

  #renderChoice() {
    return html`
      <p>
        ${msg('After your password, you will also enter a short code, so that a stolen password is not enough to sign in.')}
      </p>
      <div class="actions">
        <button part="setup-app" type="button" class="primary" @click=${() => this.#choose('totp')}>
          ${msg('Use an authenticator app')}
        </button>
        <button
          part="setup-email"
          type="button"
          class="secondary"
          @click=${() => this.#choose('otp')}
        >
          ${msg('Get codes by email')}
        </button>
      </div>
    `;
  }

  #renderPassword() {
    const busy = this.enableTask.status === TaskStatus.PENDING;
    const failed = this.#failed(this.enableTask) && !this.problem;
    return html`
      <form part="setup-form" aria-labelledby="setup-password-title" @submit=${this.#onPassword}>
        <h4 id="setup-password-title">
          ${this.method === 'totp' ? msg('Use an authenticator app') : msg('Get codes by email')}
        </h4>
        <p class="hint">${msg('Enter your password to confirm it is you.')}</p>
        ${this.#usernameField()} ${renderPasswordField('setup-password', this.problem)}
        ${failed ? renderTaskError(this.enableTask) : nothing}
        ${this.#actions('setup-continue', msg('Continue'), busy)}
      </form>
    `;
  }

  #renderScan() {
    const app = this.app;
    if (!app) return nothing;
    const busy = this.confirmTask.status === TaskStatus.PENDING;
    const failed = this.#failed(this.confirmTask);
    return html`
      <form part="setup-form" aria-labelledby="setup-scan-title" @submit=${this.#onConfirm}>
        <h4 id="setup-scan-title" tabindex="-1">${msg('Scan this code with your app')}</h4>
        <p class="hint">
          ${msg('Open an authenticator app on your phone, add an account, and scan the code.')}
        </p>
        <div class="qr">${renderQrCode(app.uri, msg('QR code for your authenticator app'))}</div>
        <p>${msg('Cannot scan it? Enter this key in the app instead:')}</p>
        <p><code part="totp-secret" class="secret" dir="ltr">${app.secret}</code></p>
        <div class="field">
          <label for="setup-code">${msg('The 6-digit code the app shows')}</label>
          <input
            id="setup-code"
            part="setup-code"
            name="code"
            inputmode="numeric"
            autocomplete="one-time-code"
            pattern="\\s*[0-9]{3}\\s*[0-9]{3}\\s*"
            required
            dir="ltr"
            aria-invalid=${failed ? 'true' : nothing}
            aria-describedby=${failed ? 'setup-code-error' : nothing}
          />
        </div>
        ${failed ? renderTaskError(this.confirmTask, undefined, 'setup-code-error') : nothing}
        ${this.#actions('setup-confirm', msg('Turn on'), busy)}
      </form>
    `;
  }

  /** A step's submit button ("Checking…" while busy) beside "Cancel". */
  #actions(part: string, label: string, busy: boolean) {
    return html`<div class="actions">
      <button part=${part} type="submit" class="primary" ?disabled=${busy}>
        ${busy ? msg('Checking…') : label}
      </button>
      <button part="setup-cancel" type="button" class="secondary" @click=${this.#cancel}>
        ${msg('Cancel')}
      </button>
    </div>`;
  }

  /** Tells password managers whose password is asked for. */
  #usernameField() {
    const session = this.#host.session;
    const email = session.status === 'signed-in' ? session.me.user.email : '';
    return html`<input hidden name="username" autocomplete="username" readonly .value=${email} />`;
  }

  #failed(task: { status: TaskStatus }): boolean {
    return task.status === TaskStatus.ERROR && this.#ran.has(task);
  }

  #go(stage: Stage, focus: string) {
    this.stage = stage;
    this.problem = null;
    this.#ran.clear();
    this.#effects.focusSoon(focus);
    this.#host.requestUpdate();
  }

  #choose(method: SecondFactorMethod) {
    this.method = method;
    this.#go('password', '#setup-password');
  }

  readonly #cancel = () => {
    this.reset();
    this.#effects.focusSoon(this.#home);
    this.#host.requestUpdate();
  };

  readonly #finish = async () => {
    this.reset();
    this.#effects.focusSoon(this.#home);
    this.#host.requestUpdate();
    await this.#finished();
  };

  readonly #onPassword = (event: SubmitEvent) => {
    event.preventDefault();
    const api = this.#host.api;
    if (!api) return;
    const password = String(new FormData(event.target as HTMLFormElement).get('password') ?? '');
    this.problem = null;
    this.#ran.add(this.enableTask);
    void this.enableTask.run([api, this.method, password]);
  };

  readonly #onConfirm = (event: SubmitEvent) => {
    event.preventDefault();
    const api = this.#host.api;
    if (!api) return;
    const form = event.target as HTMLFormElement;
    const code = String(new FormData(form).get('code') ?? '').replace(/\s/g, '');
    this.#ran.add(this.confirmTask);
    void this.confirmTask.run([api, code]);
  };
}

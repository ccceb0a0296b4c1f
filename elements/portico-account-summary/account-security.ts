import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../backend/router.ts';
import type { PorticoApi } from '../api/client.ts';
import { AuthError } from '../api/auth.ts';
import { errorMessage } from '../api/errors.ts';
import {
  SecuritySetupController,
  passwordProblem,
  renderPasswordField,
  type SecurityHost,
} from '../shared/security-setup.ts';
import { copyCodes, downloadCodes, renderBackupCodes } from '../shared/backup-codes.ts';
import {
  renderLoading,
  renderTaskError,
  userOf,
  type ProfileEffects,
} from './account-profile.api.ts';
import { formatNumber } from '../shared/format.ts';

export type Security = inferRouterOutputs<AppRouter>['profile']['security'];

/** What the password confirms: new backup codes, or turning security codes off. */
type Asking = 'codes' | 'off';

/** A refusal to turn codes off, in the server's words when a rule (staff, account) says no. */
function turnOffRefusal(error: unknown): string {
  const ruled =
    error instanceof AuthError &&
    (error.status === 403 || error.code === 'SECOND_FACTOR_REQUIRED') &&
    error.message;
  if (ruled) return error.message;
  return errorMessage(error);
}

/** Which ways of getting codes are on, in words. */
function methodsText(security: Security): string {
  if (security.totp && security.otp) return msg('On: an authenticator app, or codes by email.');
  if (security.totp) return msg('On: codes from an authenticator app.');
  return msg('On: codes by email.');
}

/** Why the person may not go without codes, when a rule says so. */
function requiredText(security: Security): string | null {
  switch (security.requiredBy) {
    case 'staff':
      return msg('Everyone on the staff uses security codes.');
    case 'account':
      return msg('Your company account asks everyone to use security codes.');
    default:
      return null;
  }
}

/**
 * The profile's "Security codes" section: turning them on (through the shared setup), which ways
 * are on and how many backup codes are left, new backup codes and turning them off (each after
 * the password), and for an account's owner the rule that everyone in it must use them.
 * `changed` hears of every change, after which the session and the activity list are out of date.
 */
export class SecurityController {
  /** The settings as the server last described them. */
  security: Security | null = null;
  /** The password step under way, if any. */
  asking: Asking | null = null;
  /** New backup codes, shown once until the person says they stored them. */
  newCodes: string[] | null = null;
  /** A wrong password, said beside its field. */
  problem: string | null = null;

  readonly setup: SecuritySetupController;
  readonly readTask: Task<readonly [PorticoApi | undefined, string | null], Security>;
  readonly passwordTask: Task<[PorticoApi, Asking, string], void>;
  readonly ruleTask: Task<[PorticoApi, boolean], void>;

  readonly #host: SecurityHost;
  readonly #effects: ProfileEffects;
  readonly #changed: () => Promise<void>;
  /** Whether the password step on screen has been tried, so an older failure is not shown. */
  #tried = false;

  constructor(host: SecurityHost, effects: ProfileEffects, changed: () => Promise<void>) {
    this.#host = host;
    this.#effects = effects;
    this.#changed = changed;
    this.setup = new SecuritySetupController(host, effects, {
      home: '#security-title',
      finished: () => this.#afterChange(),
    });

    this.readTask = new Task(host, {
      args: () => [host.api, userOf(host.session)] as const,
      task: async ([api, user], { signal }) => {
        if (!api || !user) return initialState;
        this.security = await api.trpc.profile.security.query(undefined, { signal });
        return this.security;
      },
    });

    this.passwordTask = new Task(host, {
      autoRun: false,
      task: async ([api, asking, password]: [PorticoApi, Asking, string], { signal }) => {
        try {
          if (asking === 'codes') {
            this.newCodes = await api.auth.newBackupCodes(password, signal);
            effects.focusSoon('#backup-codes-title');
            effects.announce(msg('New backup codes are ready. The old ones no longer work.'));
          } else {
            await api.auth.disableSecondFactor(password, signal);
            effects.focusSoon('#security-title');
            effects.announce(msg('Security codes are off.'));
          }
        } catch (error) {
          this.problem = passwordProblem(error);
          effects.focusSoon(this.problem ? '#security-password' : '#security-password-error');
          throw error;
        }
        this.asking = null;
        await this.#afterChange();
      },
    });

    this.ruleTask = new Task(host, {
      autoRun: false,
      task: async ([api, required]: [PorticoApi, boolean], { signal }) => {
        await api.trpc.account.setSecondFactorRule.mutate({ required }, { signal });
        effects.announce(
          required
            ? msg('Everyone in this account must now use security codes.')
            : msg('Security codes are now up to each person in this account.'),
        );
        await this.#afterChange();
      },
    });
  }

  /** Forgets what was on screen: another person is signed in. */
  reset(): void {
    this.security = null;
    this.asking = null;
    this.newCodes = null;
    this.problem = null;
    this.setup.reset();
  }

  render() {
    const security = this.security;
    return html`
      <section part="security" aria-labelledby="security-title">
        <h3 id="security-title" tabindex="-1">${msg('Security codes')}</h3>
        ${renderLoading(this.readTask, security, msg('Loading your security settings…'))}
        ${renderTaskError(this.readTask, () => void this.readTask.run())}
        ${security ? this.#renderSettings(security) : nothing}
      </section>
    `;
  }

  #renderSettings(security: Security) {
    const required = requiredText(security);
    return html`
      ${required ? html`<p part="security-required" class="hint">${required}</p>` : nothing}
      ${
        this.setup.active || !security.enabled
          ? html`${security.enabled ? nothing : html`<p part="security-status">${msg('Off.')}</p>`}
            ${this.setup.render()}`
          : this.#renderOn(security)
      }
      ${this.#renderRule(security)}
    `;
  }

  #renderOn(security: Security) {
    if (this.newCodes) {
      const codes = this.newCodes;
      return renderBackupCodes(codes, {
        onCopy: () => void copyCodes(codes, this.#effects),
        onDownload: () => downloadCodes(codes, this.#host.renderRoot),
        onDone: () => this.#doneWithCodes(),
      });
    }
    const left = security.backupCodesLeft;
    return html`
      <p part="security-status">${methodsText(security)}</p>
      ${
        security.totp
          ? html`<p part="backup-codes-left">
              ${left === 1 ? msg('1 backup code left.') : msg(str`${formatNumber(left)} backup codes left.`)}
            </p>`
          : nothing
      }
      ${this.asking ? this.#renderPasswordStep(this.asking) : this.#renderActions(security)}
    `;
  }

  #renderActions(security: Security) {
    return html`<div class="actions">
      ${
        security.totp
          ? html`<button
              part="new-backup-codes"
              type="button"
              class="secondary"
              @click=${() => this.#ask('codes')}
            >
              ${msg('New backup codes')}
            </button>`
          : html`<button
              part="add-app"
              type="button"
              class="secondary"
              @click=${() => this.setup.start('totp')}
            >
              ${msg('Add an authenticator app')}
            </button>`
      }
      <button part="turn-off" type="button" class="secondary" @click=${() => this.#ask('off')}>
        ${msg('Turn off')}
      </button>
    </div>`;
  }

  #renderPasswordStep(asking: Asking) {
    const task = this.passwordTask;
    const busy = task.status === TaskStatus.PENDING;
    const failed = task.status === TaskStatus.ERROR && !this.problem && this.#tried;
    const session = this.#host.session;
    const email = session.status === 'signed-in' ? session.me.user.email : '';
    return html`
      <form
        part=${asking === 'codes' ? 'codes-form' : 'turn-off-form'}
        class="panel"
        aria-labelledby="security-password-title"
        @submit=${this.#onPassword}
      >
        <h4 id="security-password-title">
          ${asking === 'codes' ? msg('New backup codes') : msg('Turn off security codes')}
        </h4>
        <p class="hint">
          ${
            asking === 'codes'
              ? msg('Your old backup codes will stop working. Enter your password to go on.')
              : msg('After this, your password alone signs you in. Enter it to go on.')
          }
        </p>
        <input hidden name="username" autocomplete="username" readonly .value=${email} />
        ${renderPasswordField('security-password', this.problem)}
        ${
          failed
            ? html`<p part="error" role="alert" id="security-password-error" tabindex="-1">
                ${asking === 'off' ? turnOffRefusal(task.error) : errorMessage(task.error)}
              </p>`
            : nothing
        }
        <div class="actions">
          <button
            part=${asking === 'codes' ? 'confirm-codes' : 'confirm-off'}
            type="submit"
            class=${asking === 'codes' ? 'primary' : 'danger'}
            ?disabled=${busy}
          >
            ${
              busy
                ? msg('Checking…')
                : asking === 'codes'
                  ? msg('Create new codes')
                  : msg('Turn off')
            }
          </button>
          <button part="cancel-password" type="button" class="secondary" @click=${this.#cancel}>
            ${msg('Cancel')}
          </button>
        </div>
      </form>
    `;
  }

  #renderRule(security: Security) {
    const rule = security.accountRule;
    if (!rule) return nothing;
    if (!rule.mayChange) return nothing;
    const busy = this.ruleTask.status === TaskStatus.PENDING;
    return html`
      <div part="account-rule" class="panel">
        <label class="choice">
          <input
            part="require-codes"
            type="checkbox"
            role="switch"
            .checked=${rule.required}
            aria-checked=${rule.required ? 'true' : 'false'}
            ?disabled=${busy}
            aria-describedby="account-rule-hint"
            @change=${this.#onRuleChange}
          />
          <span>${msg('Require security codes for everyone in this account')}</span>
        </label>
        <p id="account-rule-hint" class="hint">
          ${msg('Members without codes will be asked to set them up before they can go on.')}
        </p>
        ${renderTaskError(this.ruleTask)}
      </div>
    `;
  }

  /** Reads the settings again, and tells the host (the session says whether codes are on). */
  async #afterChange() {
    await Promise.all([this.readTask.run(), this.#changed()]);
  }

  #ask(asking: Asking) {
    this.asking = asking;
    this.problem = null;
    this.#tried = false;
    this.#effects.focusSoon('#security-password');
    this.#host.requestUpdate();
  }

  #doneWithCodes() {
    this.newCodes = null;
    this.#effects.focusSoon('#security-title');
    this.#host.requestUpdate();
  }

  readonly #cancel = () => {
    this.asking = null;
    this.problem = null;
    this.#effects.focusSoon(`[part~='turn-off']`);
    this.#host.requestUpdate();
  };

  readonly #onPassword = (event: SubmitEvent) => {
    event.preventDefault();
    const api = this.#host.api;
    if (!api || !this.asking) return;
    const password = String(new FormData(event.target as HTMLFormElement).get('password') ?? '');
    this.problem = null;
    this.#tried = true;
    void this.passwordTask.run([api, this.asking, password]);
  };

  readonly #onRuleChange = (event: Event) => {
    const api = this.#host.api;
    if (!api) return;
    const box = event.target as HTMLInputElement;
    const required = box.checked;
    // The switch shows the server's answer: it goes back if the change is refused.
    box.checked = !required;
    void this.ruleTask.run([api, required]);
  };
}

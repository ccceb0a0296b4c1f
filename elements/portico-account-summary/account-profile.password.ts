import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { AuthError } from '../api/auth.ts';
import { errorMessage } from '../api/errors.ts';
import { renderFieldError, type ProfileEffects, type ProfileHost } from './account-profile.api.ts';

type PasswordField = 'currentPassword' | 'newPassword' | 'repeatPassword';

interface PasswordChange {
  current: string;
  next: string;
  signOutOthers: boolean;
}

/** The field a sign-in service refusal is about, with what to tell the person there. */
function fieldProblem(error: unknown): [PasswordField, string] | null {
  if (!(error instanceof AuthError)) return null;
  switch (error.code) {
    case 'INVALID_PASSWORD':
      return ['currentPassword', msg('That is not your current password. Check it and try again.')];
    case 'PASSWORD_TOO_SHORT':
    case 'PASSWORD_TOO_LONG':
      return ['newPassword', errorMessage(error)];
    default:
      return null;
  }
}

/**
 * The password form: the current password, the new one twice, and whether to sign out the
 * other devices. A wrong current password is said beside that field, which takes focus.
 */
export class PasswordController {
  /** Messages beside single fields, from the repeat check or the sign-in service. */
  problems: Partial<Record<PasswordField, string>> = {};
  /** What the last successful change did, shown under the form. */
  notice = '';

  readonly task: Task<[PorticoApi, PasswordChange], void>;

  readonly #host: ProfileHost;
  readonly #effects: ProfileEffects;

  /** `changed` hears of a change, after which the list of signed-in devices is out of date. */
  constructor(host: ProfileHost, effects: ProfileEffects, changed: () => void) {
    this.#host = host;
    this.#effects = effects;
    this.task = new Task(host, {
      autoRun: false,
      task: async ([api, change]: [PorticoApi, PasswordChange], { signal }) => {
        try {
          await api.auth.changePassword(change.current, change.next, change.signOutOthers, signal);
        } catch (error) {
          const problem = fieldProblem(error);
          if (problem) this.#show({ [problem[0]]: problem[1] });
          else effects.focusSoon("[part~='password-form'] [part~='error']");
          throw error;
        }
        // Signing out the other devices gave this one a new session; the page reads it again.
        await api.session.refresh();
        this.notice = change.signOutOthers
          ? msg('Your password is changed, and your other devices are signed out.')
          : msg('Your password is changed.');
        effects.announce(this.notice);
        changed();
      },
    });
  }

  /** Forgets what was on screen: another person is signed in. */
  reset(): void {
    this.problems = {};
    this.notice = '';
  }

  render() {
    const task = this.task;
    const busy = task.status === TaskStatus.PENDING;
    const failed = task.status === TaskStatus.ERROR && !fieldProblem(task.error);
    const session = this.#host.session;
    const email = session.status === 'signed-in' ? session.me.user.email : '';
    return html`
      <section part="password" aria-labelledby="password-title">
        <h3 id="password-title">${msg('Password')}</h3>
        <form
          part="password-form"
          aria-labelledby="password-title"
          @submit=${this.#onSubmit}
          @input=${this.#onInput}
        >
          <!-- Tells password managers whose password changes. -->
          <input hidden name="username" autocomplete="username" readonly .value=${email} />
          ${this.#field('currentPassword', msg('Current password'), 'current-password')}
          ${this.#field('newPassword', msg('New password (at least 8 characters)'), 'new-password')}
          ${this.#field('repeatPassword', msg('Repeat the new password'), 'new-password')}
          <label class="choice">
            <input part="sign-out-others" type="checkbox" name="signOutOthers" checked />
            <span>${msg('Sign out on my other devices')}</span>
          </label>
          ${failed ? html`<p part="error" role="alert">${errorMessage(task.error)}</p>` : nothing}
          ${this.notice && !busy ? html`<p part="notice">${this.notice}</p>` : nothing}
          <div class="actions">
            <button part="change-password" type="submit" class="primary" ?disabled=${busy}>
              ${busy ? msg('Changing the password…') : msg('Change password')}
            </button>
          </div>
        </form>
      </section>
    `;
  }

  #field(name: PasswordField, label: string, autocomplete: string) {
    const id = `password-${name}`;
    const problem = this.problems[name];
    const part = {
      currentPassword: 'current-password',
      newPassword: 'new-password',
      repeatPassword: 'repeat-password',
    }[name];
    return html`
      <div class="field">
        <label for=${id}>${label}</label>
        <input
          id=${id}
          part=${part}
          name=${name}
          type="password"
          autocomplete=${autocomplete}
          required
          minlength=${name === 'currentPassword' ? nothing : 8}
          maxlength="128"
          aria-invalid=${problem ? 'true' : nothing}
          aria-describedby=${problem ? `${id}-error` : nothing}
        />
        ${renderFieldError(`${id}-error`, problem)}
      </div>
    `;
  }

  /** Shows the messages and moves focus to the first field that has one. */
  #show(problems: Partial<Record<PasswordField, string>>) {
    this.problems = problems;
    const first = (['currentPassword', 'newPassword', 'repeatPassword'] as const).find(
      (name) => problems[name],
    );
    if (first) this.#effects.focusSoon(`#password-${first}`);
    this.#host.requestUpdate();
  }

  readonly #onInput = (event: Event) => {
    const name = (event.target as HTMLInputElement).name as PasswordField;
    if (!this.problems[name]) return;
    const { [name]: _fixed, ...rest } = this.problems;
    this.problems = rest;
    this.#host.requestUpdate();
  };

  readonly #onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const api = this.#host.api;
    if (!api) return;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const next = String(data.get('newPassword') ?? '');
    this.notice = '';
    if (next !== String(data.get('repeatPassword') ?? '')) {
      this.#show({ repeatPassword: msg('The two new passwords are not the same.') });
      return;
    }
    this.#show({});
    await this.task.run([
      api,
      {
        current: String(data.get('currentPassword') ?? ''),
        next,
        signOutOthers: data.get('signOutOthers') === 'on',
      },
    ]);
    // The passwords leave the page once they are no longer needed.
    if (this.task.status === TaskStatus.COMPLETE) form.reset();
  };
}

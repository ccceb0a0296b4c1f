import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { isolate } from '../shared/bidi.ts';
import { errorMessage } from '../api/errors.ts';
import {
  LANGUAGES,
  fieldErrorsOf,
  languageName,
  renderFieldError,
  renderLoading,
  renderTaskError,
  userOf,
  type Language,
  type Profile,
  type ProfileEffects,
  type ProfileHost,
} from './account-profile.api.ts';

interface DetailsInput {
  name: string;
  locale: Language | null;
}

/**
 * The person's name and preferred language, and their email address with the form that changes
 * it. The sign-in service mails a link to the new address; the address changes once it is opened.
 */
export class DetailsController {
  /** The profile as the server last described it. */
  profile: Profile | null = null;
  /** The address a confirmation link was last sent to, for the email section's notice. */
  pendingEmail = '';
  /** A problem with the new email found before asking the server. */
  emailProblem = '';
  /** What the last save of the details did, shown under their form. */
  notice = '';

  readonly profileTask: Task<readonly [PorticoApi | undefined, string | null], Profile>;
  readonly saveTask: Task<[PorticoApi, DetailsInput], void>;
  readonly emailTask: Task<[PorticoApi, string], void>;

  readonly #host: ProfileHost;

  constructor(host: ProfileHost, effects: ProfileEffects) {
    this.#host = host;

    this.profileTask = new Task(host, {
      args: () => [host.api, userOf(host.session)] as const,
      task: async ([api, user], { signal }) => {
        if (!api || !user) return initialState;
        const profile = await api.trpc.profile.get.query(undefined, { signal });
        this.profile = profile;
        return profile;
      },
    });

    this.saveTask = new Task(host, {
      autoRun: false,
      task: async ([api, input]: [PorticoApi, DetailsInput], { signal }) => {
        try {
          await api.trpc.profile.update.mutate(input, { signal });
        } catch (error) {
          if (fieldErrorsOf(error)['name']) effects.focusSoon("[part~='details-form'] #name");
          throw error;
        }
        const renamed = input.name !== this.profile?.name;
        const languageChanged = input.locale !== this.profile?.locale;
        if (this.profile) this.profile = { ...this.profile, ...input };
        // Greetings in every element on the page come from the session, which carries the name,
        // and so does the saved language a page that names none of its own is shown in.
        if (renamed || languageChanged) await api.session.refresh();
        this.notice = msg('Your details are saved.');
        effects.announce(this.notice);
      },
    });

    this.emailTask = new Task(host, {
      autoRun: false,
      task: async ([api, email]: [PorticoApi, string], { signal }) => {
        try {
          await api.auth.changeEmail(email, location.href, signal);
        } catch (error) {
          effects.focusSoon('#new-email');
          throw error;
        }
        this.pendingEmail = email;
        effects.announce(emailSentText(email));
      },
    });
  }

  /** Forgets what was on screen: another person is signed in. */
  reset(): void {
    this.profile = null;
    this.notice = '';
    this.pendingEmail = '';
    this.emailProblem = '';
  }

  renderDetails() {
    const profile = this.profile;
    const task = this.saveTask;
    const busy = task.status === TaskStatus.PENDING;
    const nameError =
      task.status === TaskStatus.ERROR ? fieldErrorsOf(task.error)['name']?.join(' ') : undefined;
    return html`
      <section part="details" aria-labelledby="details-title">
        <h3 id="details-title">${msg('Your details')}</h3>
        ${renderLoading(this.profileTask, profile, msg('Loading your details…'))}
        ${renderTaskError(this.profileTask, () => void this.profileTask.run())}
        ${
          profile
            ? html`<form
                part="details-form"
                aria-labelledby="details-title"
                @submit=${this.#onDetailsSubmit}
              >
                <div class="field">
                  <label for="name">${msg('Your name')}</label>
                  <input
                    id="name"
                    part="name"
                    name="name"
                    autocomplete="name"
                    required
                    maxlength="100"
                    .value=${profile.name}
                    aria-invalid=${nameError ? 'true' : nothing}
                    aria-describedby=${nameError ? 'name-error' : nothing}
                  />
                  ${renderFieldError('name-error', nameError)}
                </div>
                <div class="field">
                  <label for="language">${msg('Preferred language')}</label>
                  <select
                    id="language"
                    part="language"
                    name="locale"
                    aria-describedby="language-hint"
                  >
                    <option value="" ?selected=${profile.locale === null}>
                      ${msg('The site’s language')}
                    </option>
                    ${LANGUAGES.map(
                      (code) =>
                        html`<option
                          value=${code}
                          lang=${code}
                          ?selected=${profile.locale === code}
                        >
                          ${languageName(code)}
                        </option>`,
                    )}
                  </select>
                  <span id="language-hint" class="hint">
                    ${msg('The language of the emails we send you.')}
                  </span>
                </div>
                ${nameError ? nothing : renderTaskError(task)}
                ${this.notice && !busy ? html`<p part="notice">${this.notice}</p>` : nothing}
                <div class="actions">
                  <button part="save-details" type="submit" class="primary" ?disabled=${busy}>
                    ${busy ? msg('Saving…') : msg('Save details')}
                  </button>
                </div>
              </form>`
            : nothing
        }
      </section>
    `;
  }

  renderEmail() {
    const profile = this.profile;
    const task = this.emailTask;
    const busy = task.status === TaskStatus.PENDING;
    const problem =
      this.emailProblem || (task.status === TaskStatus.ERROR ? errorMessage(task.error) : '');
    return html`
      <section part="email" aria-labelledby="email-title">
        <h3 id="email-title">${msg('Email')}</h3>
        ${
          profile
            ? html`<p>
                  ${msg('Your email address:')}
                  <strong part="current-email" class="email">${profile.email}</strong>
                </p>
                <form
                  part="email-form"
                  aria-labelledby="email-title"
                  novalidate
                  @submit=${this.#onEmailSubmit}
                >
                  <div class="field">
                    <label for="new-email">${msg('New email address')}</label>
                    <input
                      id="new-email"
                      part="new-email"
                      name="email"
                      type="email"
                      inputmode="email"
                      autocomplete="email"
                      required
                      maxlength="254"
                      aria-invalid=${problem ? 'true' : nothing}
                      aria-describedby=${problem ? 'new-email-error email-hint' : 'email-hint'}
                    />
                    ${
                      problem
                        ? html`<span part="error field-error" id="new-email-error" role="alert">
                            ${problem}
                          </span>`
                        : nothing
                    }
                    <span id="email-hint" class="hint">
                      ${msg(
                        'We will mail a confirmation link to the new address. Your email changes once you open it.',
                      )}
                    </span>
                  </div>
                  ${
                    this.pendingEmail && !busy && !problem
                      ? html`<p part="notice">${emailSentText(this.pendingEmail)}</p>`
                      : nothing
                  }
                  <div class="actions">
                    <button part="change-email" type="submit" class="primary" ?disabled=${busy}>
                      ${busy ? msg('Sending…') : msg('Change email')}
                    </button>
                  </div>
                </form>`
            : nothing
        }
      </section>
    `;
  }

  readonly #onDetailsSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const api = this.#host.api;
    if (!api) return;
    const data = new FormData(event.target as HTMLFormElement);
    this.notice = '';
    const locale = String(data.get('locale') ?? '');
    void this.saveTask.run([
      api,
      {
        name: String(data.get('name') ?? '').trim(),
        locale: LANGUAGES.find((code) => code === locale) ?? null,
      },
    ]);
  };

  /** The browser's own checks apply, but their messages appear beside the field like ours. */
  readonly #onEmailSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const api = this.#host.api;
    const field = (event.target as HTMLFormElement).elements.namedItem('email') as HTMLInputElement;
    const email = field.value.trim();
    this.emailProblem = !field.checkValidity()
      ? msg('Enter a valid email address, such as name@example.com.')
      : email.toLowerCase() === this.profile?.email.toLowerCase()
        ? msg('That is already your email address.')
        : '';
    this.pendingEmail = '';
    this.#host.requestUpdate();
    if (this.emailProblem) {
      field.focus();
      return;
    }
    if (api) void this.emailTask.run([api, email]);
  };
}

function emailSentText(email: string): string {
  return msg(
    str`We sent a confirmation link to ${isolate(email)}. Your email address changes once you open it.`,
  );
}

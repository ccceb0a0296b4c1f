import { html, nothing, type ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import {
  kindLabel,
  renderTaskError,
  type NotificationKind,
  type Preference,
  type ViewEffects,
} from './notifications.api.ts';

export interface PreferencesHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
  readonly personKey: string;
  /** Whether the email settings are on screen; they are read each time they open. */
  readonly preferencesShown: boolean;
}

/**
 * The email settings: for each kind of notification, whether it also comes by email. Each box
 * saves as soon as it changes; the server's answer is what the boxes show afterwards.
 */
export class NotificationPreferences {
  readonly loadTask: Task<readonly [PorticoApi | undefined, string, boolean], void>;
  readonly saveTask: Task<[NotificationKind, boolean], void>;

  readonly #host: PreferencesHost;
  readonly #effects: ViewEffects;
  #kinds: Preference[] = [];

  constructor(host: PreferencesHost, effects: ViewEffects) {
    this.#host = host;
    this.#effects = effects;
    this.loadTask = new Task(host, {
      args: () => [host.api, host.personKey, host.preferencesShown] as const,
      task: async ([api, person, shown], { signal }) => {
        if (!api || !person || !shown) return initialState;
        const { kinds } = await api.trpc.notification.preferences.query(undefined, { signal });
        this.#kinds = kinds;
      },
    });
    this.saveTask = new Task(host, {
      autoRun: false,
      args: () => ['order_shipped', false] as [NotificationKind, boolean],
      task: async ([kind, mail], { signal }) => {
        const api = host.api;
        if (!api) return;
        const { kinds } = await api.trpc.notification.setPreference.mutate(
          { kind, mail },
          { signal },
        );
        this.#kinds = kinds;
        const name = kindLabel(kind);
        effects.announce(
          mail
            ? msg(str`Saved: ${name} also comes by email.`)
            : msg(str`Saved: ${name} comes only in the portal.`),
        );
      },
    });
  }

  render() {
    const loading = this.loadTask.status === TaskStatus.PENDING && !this.#kinds.length;
    return html`
      <p class="hint">
        ${msg('You always see notifications here. Choose which also come by email.')}
      </p>
      ${renderTaskError(this.loadTask, () => void this.loadTask.run())}
      ${renderTaskError(this.saveTask)}
      ${loading ? html`<p part="loading" class="hint" role="status">${msg('Loading your settings…')}</p>` : nothing}
      ${
        this.#kinds.length
          ? html`<ul part="preferences" class="preferences">
              ${this.#kinds.map((preference) => this.#renderKind(preference))}
            </ul>`
          : nothing
      }
    `;
  }

  #renderKind({ kind, mail }: Preference) {
    const id = `kind-${kind}`;
    return html`
      <li part="preference" data-kind=${kind}>
        <span id=${id} part="kind" class="kind">${kindLabel(kind)}</span>
        <label class="check">
          <input
            part="mail"
            type="checkbox"
            .checked=${mail}
            aria-describedby=${id}
            @change=${(event: Event) => this.#handleChange(kind, event)}
          />
          <span>${msg('Also send me an email')}</span>
        </label>
      </li>
    `;
  }

  #handleChange(kind: NotificationKind, event: Event): void {
    const box = event.target as HTMLInputElement;
    const mail = box.checked;
    void this.saveTask.run([kind, mail]).then(() => {
      // A refused change shows the box as the server still has it.
      const kept = this.#kinds.find((item) => item.kind === kind);
      if (kept) box.checked = kept.mail;
      this.#host.requestUpdate();
    });
    this.#effects.announce('');
  }
}

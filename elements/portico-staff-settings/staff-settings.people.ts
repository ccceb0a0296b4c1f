import { html, nothing, type ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { renderTaskError } from '../shared/task.ts';
import {
  errorsFor,
  fieldErrorsOf,
  type SettingsEffects,
  type StaffPerson,
  type StaffRole,
} from './staff-settings.api.ts';

export interface PeopleHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

type PeopleChange =
  | { kind: 'add'; name: string; email: string; role: StaffRole }
  | { kind: 'role'; person: StaffPerson; role: StaffRole }
  | { kind: 'remove'; person: StaffPerson };

export function roleLabel(role: StaffRole): string {
  return role === 'admin' ? msg('Administrator') : msg('Agent');
}

/**
 * The vendor's staff: who they are, their role, adding someone (who gets a mail to choose a
 * password), changing a role and removing someone after a second click to confirm.
 */
export class PeopleController {
  fields: Record<string, string[]> = {};
  /** The person whose removal waits for a confirming click. */
  confirming: string | null = null;

  readonly changeTask: Task<[PorticoApi, PeopleChange], void>;
  readonly #host: PeopleHost;

  constructor(host: PeopleHost, effects: SettingsEffects, changed: () => void) {
    this.#host = host;
    this.changeTask = new Task(host, {
      autoRun: false,
      task: async ([api, change], { signal }) => {
        this.fields = {};
        const people = api.trpc.staff.settings.people;
        try {
          if (change.kind === 'add') {
            const { name, email, role } = change;
            await people.add.mutate({ name, email, role }, { signal });
            this.#form()?.reset();
            effects.announce(
              msg(str`${name} is added. We sent ${email} a link to choose a password.`),
            );
            effects.focusSoon('#staff-name');
          } else if (change.kind === 'role') {
            await people.setRole.mutate(
              { userId: change.person.id, role: change.role },
              { signal },
            );
            effects.announce(msg(str`${change.person.name} is now: ${roleLabel(change.role)}.`));
          } else {
            this.confirming = null;
            await people.remove.mutate({ userId: change.person.id }, { signal });
            effects.announce(msg(str`${change.person.name} is removed from the staff.`));
            effects.focusSoon('#people-heading');
          }
          changed();
        } catch (error) {
          this.fields = fieldErrorsOf(error);
          throw error;
        }
      },
    });
  }

  render(people: readonly StaffPerson[] | undefined) {
    const busy = this.changeTask.status === TaskStatus.PENDING;
    return html`
      <section part="people" class="block" aria-labelledby="people-heading">
        <h2 id="people-heading" tabindex="-1">${msg('Staff')}</h2>
        ${
          people === undefined
            ? html`<p role="status" class="hint">${msg('Loading the staff…')}</p>`
            : html`<ul part="people-list" class="rows">
                ${people.map((person) => this.#row(person, busy))}
              </ul>`
        }
        ${renderTaskError(this.changeTask)}
        <form part="staff-form" class="subform" novalidate @submit=${this.#submit}>
          <h3>${msg('Add a staff member')}</h3>
          <div class="fields">
            ${this.#field('name', 'staff-name', msg('Name'), 'text')}
            ${this.#field('email', 'staff-email', msg('Email'), 'email')}
            <label>
              ${msg('Role')}
              <select id="staff-role" part="staff-role" name="role">
                <option value="agent">${roleLabel('agent')}</option>
                <option value="admin">${roleLabel('admin')}</option>
              </select>
            </label>
          </div>
          <p class="hint">
            ${msg('They get a mail with a link to choose their password, then sign in at /staff.')}
          </p>
          <div class="actions">
            <button part="add-staff" type="submit" class="primary" ?disabled=${busy}>
              ${msg('Add staff member')}
            </button>
          </div>
        </form>
      </section>
    `;
  }

  #row(person: StaffPerson, busy: boolean) {
    const other: StaffRole = person.role === 'admin' ? 'agent' : 'admin';
    return html`<li part="person" class="row" data-id=${person.id}>
      <div class="row-main">
        <strong part="person-name">${person.name}</strong>
        <span class="hint clip">${person.email}</span>
        <span part="person-role role-${person.role}" class="badge">
          ${roleLabel(person.role)}${person.isMe ? ` · ${msg('you')}` : ''}
        </span>
      </div>
      ${
        person.isMe
          ? nothing
          : html`<div class="row-actions">
              ${
                this.confirming === person.id
                  ? html`<button
                        part="confirm-remove"
                        type="button"
                        class="danger"
                        ?disabled=${busy}
                        @click=${() => this.#run({ kind: 'remove', person })}
                      >
                        ${msg(str`Yes, remove ${person.name}`)}
                      </button>
                      <button
                        part="keep"
                        type="button"
                        class="secondary"
                        @click=${() => this.#confirm(null)}
                      >
                        ${msg('Keep')}
                      </button>`
                  : html`<button
                        part="change-role"
                        type="button"
                        class="secondary"
                        ?disabled=${busy}
                        @click=${() => this.#run({ kind: 'role', person, role: other })}
                      >
                        ${
                          other === 'admin'
                            ? msg(str`Make ${person.name} an administrator`)
                            : msg(str`Make ${person.name} an agent`)
                        }
                      </button>
                      <button
                        part="remove-person"
                        type="button"
                        class="secondary"
                        aria-label=${msg(str`Remove ${person.name}`)}
                        @click=${() => this.#confirm(person.id)}
                      >
                        ${msg('Remove')}
                      </button>`
              }
            </div>`
      }
    </li>`;
  }

  #field(field: string, id: string, label: string, type: string) {
    const error = errorsFor(this.fields, field);
    return html`<div class="field">
      <label>
        ${label}
        <input
          id=${id}
          part=${id}
          name=${field}
          type=${type}
          autocomplete="off"
          maxlength=${field === 'email' ? 200 : 100}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? `${id}-error` : nothing}
        />
      </label>
      ${error ? html`<p part="field-error" id="${id}-error" class="field-error">${error}</p>` : nothing}
    </div>`;
  }

  #form(): HTMLFormElement | null {
    return this.#host.renderRoot.querySelector<HTMLFormElement>("[part~='staff-form']");
  }

  #confirm(id: string | null): void {
    const previous = this.confirming;
    this.confirming = id;
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => {
      const row = this.#host.renderRoot.querySelector(`[data-id='${id ?? previous}']`);
      row?.querySelector<HTMLElement>(id ? "[part~='keep']" : "[part~='remove-person']")?.focus();
    });
  }

  #run(change: PeopleChange): void {
    const api = this.#host.api;
    if (!api || this.changeTask.status === TaskStatus.PENDING) return;
    void this.changeTask.run([api, change]);
  }

  #submit = (event: SubmitEvent): void => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const fields: Record<string, string[]> = {};
    if (!text('name')) fields.name = [msg('Enter their name.')];
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text('email'))) {
      fields.email = [msg('Enter an email address such as name@vendor.example.')];
    }
    if (Object.keys(fields).length) {
      this.fields = fields;
      this.#host.requestUpdate();
      void this.#host.updateComplete.then(() =>
        this.#host.renderRoot
          .querySelector<HTMLElement>(fields.name ? '#staff-name' : '#staff-email')
          ?.focus(),
      );
      return;
    }
    this.#run({
      kind: 'add',
      name: text('name'),
      email: text('email'),
      role: text('role') === 'admin' ? 'admin' : 'agent',
    });
  };
}

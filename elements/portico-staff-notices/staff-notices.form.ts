import { html, nothing, type ReactiveControllerHost } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { renderTaskError } from '../shared/task.ts';
import { AccountPicker } from './staff-notices.accounts.ts';
import {
  errorsFor,
  fieldErrorsOf,
  fromLocalInput,
  MAX_BODY,
  MAX_TITLE,
  SEVERITIES,
  severityLabel,
  toLocalInput,
  type Announcement,
  type AnnouncementInput,
  type NoticesEffects,
} from './staff-notices.api.ts';

export interface AnnouncementFormHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

type Change =
  | { kind: 'create'; input: AnnouncementInput }
  | { kind: 'update'; id: string; input: AnnouncementInput }
  | { kind: 'end'; item: Announcement };

/** Each field the server may refuse, and the control that takes focus for it. */
const FIELD_IDS: [string, string][] = [
  ['title', 'notice-title'],
  ['body', 'notice-body'],
  ['severity', 'notice-severity'],
  ['startsAt', 'notice-starts'],
  ['endsAt', 'notice-ends'],
  ['audience', 'audience-all'],
  ['accountIds', 'account-search'],
];

/** Whether the list's `now` differs from `opened`, the version the form was filled from. */
function changedSince(opened: Announcement, now: Announcement): boolean {
  const shape = (item: Announcement) =>
    JSON.stringify([
      item.title,
      item.body,
      item.severity,
      item.startsAt,
      item.endsAt,
      item.audience,
      item.accounts.map((account) => account.id),
    ]);
  return shape(opened) !== shape(now);
}

/**
 * Publishing an announcement (title, text, severity, when it shows, to whom), changing one and
 * ending one now. The server's reasons show at each field, and nothing is saved until it agrees.
 */
export class AnnouncementForm {
  /** The announcement in the form, or null for a new one. */
  editing: Announcement | null = null;
  audience: 'all' | 'accounts' = 'all';
  fields: Record<string, string[]> = {};
  /** The announcement an "End now" is for. */
  ending: string | null = null;

  readonly picker: AccountPicker;
  readonly changeTask: Task<[PorticoApi, Change], Announcement>;
  readonly #host: AnnouncementFormHost;
  readonly #effects: NoticesEffects;
  /** Bumped to start the form afresh (after a save, or to edit another announcement). */
  #formKey = 0;
  /** Whether the last change was an "End now", whose failure shows above the list. */
  #lastWasEnd = false;

  constructor(host: AnnouncementFormHost, effects: NoticesEffects) {
    this.#host = host;
    this.#effects = effects;
    this.picker = new AccountPicker(host, effects.announce);
    this.changeTask = new Task(host, {
      autoRun: false,
      task: async ([api, change], { signal }) => {
        this.fields = {};
        const staff = api.trpc.staff.announcement;
        try {
          if (change.kind === 'end') {
            const ended = await staff.end.mutate({ id: change.item.id }, { signal });
            effects.announce(msg(str`${change.item.title} has ended.`));
            return this.#done(ended, effects);
          }
          const saved =
            change.kind === 'create'
              ? await staff.create.mutate(change.input, { signal })
              : await staff.update.mutate({ id: change.id, ...change.input }, { signal });
          effects.announce(
            change.kind === 'create'
              ? msg(str`${saved.title} is published.`)
              : msg(str`${saved.title} is saved.`),
          );
          this.reset();
          effects.focusSoon('#announcements-title');
          return this.#done(saved, effects);
        } catch (error) {
          this.fields = fieldErrorsOf(error);
          const first = FIELD_IDS.find(([field]) => errorsFor(this.fields, field));
          if (first) effects.focusSoon(`#${first[1]}`);
          throw error;
        } finally {
          this.ending = null;
        }
      },
    });
  }

  get busy(): boolean {
    return this.changeTask.status === TaskStatus.PENDING;
  }

  /** Puts `item` in the form to change it. */
  edit(item: Announcement): void {
    this.editing = item;
    this.audience = item.audience;
    this.fields = {};
    this.picker.load(item.accounts);
    this.#formKey += 1;
    this.#effects.focusSoon('#notice-title');
  }

  /** An empty form for a new announcement. */
  reset(): void {
    this.editing = null;
    this.audience = 'all';
    this.fields = {};
    this.picker.load([]);
    this.#formKey += 1;
    this.#host.requestUpdate();
  }

  end(item: Announcement): void {
    this.ending = item.id;
    this.#run({ kind: 'end', item });
  }

  /** `listed`: the announcements as last read, to tell whether someone changed this one since. */
  render(disabled: boolean, listed?: readonly Announcement[]) {
    const item = this.editing;
    const now = item && listed?.find((other) => other.id === item.id);
    return keyed(
      this.#formKey,
      html`<form
        part="announcement-form"
        class="subform"
        aria-labelledby="announcement-form-title"
        novalidate
        @submit=${this.#submit}
      >
        <h3 id="announcement-form-title" tabindex="-1">
          ${item ? msg(str`Edit “${item.title}”`) : msg('Publish an announcement')}
        </h3>
        ${
          item && now && changedSince(item, now)
            ? html`<p part="edit-changed" class="changed" role="status">
                ${msg('Someone changed this announcement after you opened it. Saving puts your version in its place; Cancel keeps theirs.')}
              </p>`
            : nothing
        }
        ${this.#input('title', 'notice-title', msg('Title'), item?.title ?? '', MAX_TITLE)}
        <label>
          ${msg('Text')}
          <textarea
            id="notice-body"
            part="notice-body"
            name="body"
            rows="4"
            maxlength=${MAX_BODY}
            aria-invalid=${this.#error('body') ? 'true' : 'false'}
            aria-describedby="notice-body-hint ${this.#error('body') ? 'body-error' : ''}"
            .value=${item?.body ?? ''}
          ></textarea>
        </label>
        <p id="notice-body-hint" class="hint">
          ${msg('Plain text, shown to customers in a banner they can close.')}
        </p>
        ${this.#fieldError('body')}
        <label>
          ${msg('Severity')}
          <select id="notice-severity" part="notice-severity" name="severity">
            ${SEVERITIES.map(
              (severity) =>
                html`<option value=${severity} ?selected=${(item?.severity ?? 'info') === severity}>
                  ${severityLabel(severity)}
                </option>`,
            )}
          </select>
        </label>
        ${this.#fieldError('severity')}
        <div class="fields">
          ${this.#input('startsAt', 'notice-starts', msg('Starts'), toLocalInput(item?.startsAt), 0, 'datetime-local', msg('Empty: now.'))}
          ${this.#input('endsAt', 'notice-ends', msg('Ends'), toLocalInput(item?.endsAt), 0, 'datetime-local', msg('Empty: until ended.'))}
        </div>
        <fieldset part="audience-choice" @change=${this.#audienceChange}>
          <legend>${msg('Who sees it')}</legend>
          <label class="check">
            <input
              id="audience-all"
              type="radio"
              name="audience"
              value="all"
              .checked=${this.audience === 'all'}
            />
            <span>${msg('All customers')}</span>
          </label>
          <label class="check">
            <input
              id="audience-accounts"
              type="radio"
              name="audience"
              value="accounts"
              .checked=${this.audience === 'accounts'}
            />
            <span>${msg('Chosen accounts')}</span>
          </label>
          ${this.#fieldError('audience')}
        </fieldset>
        ${this.audience === 'accounts' ? this.picker.render(this.#error('accountIds'), disabled) : nothing}
        ${this.#lastWasEnd ? nothing : renderTaskError(this.changeTask)} ${this.#otherErrors()}
        <div class="actions">
          <button
            part="publish"
            type="submit"
            class="primary"
            aria-busy=${this.busy && !this.ending ? 'true' : 'false'}
            ?disabled=${disabled || this.busy}
          >
            ${item ? msg('Save announcement') : msg('Publish')}
          </button>
          ${
            item
              ? html`<button
                  part="cancel-edit"
                  type="button"
                  class="secondary"
                  @click=${this.#cancel}
                >
                  ${msg('Cancel')}
                </button>`
              : nothing
          }
        </div>
      </form>`,
    );
  }

  /** A failed "End now", shown above the list. */
  renderEndError() {
    return this.#lastWasEnd ? renderTaskError(this.changeTask) : nothing;
  }

  #error(field: string): string {
    return errorsFor(this.fields, field);
  }

  #input(
    field: string,
    id: string,
    label: string,
    value: string,
    maxlength: number,
    type = 'text',
    hint = '',
  ) {
    const error = this.#error(field);
    const described = [hint ? `${id}-hint` : '', error ? `${field}-error` : '']
      .filter(Boolean)
      .join(' ');
    return html`<div class="field">
      <label>
        ${label}
        <input
          id=${id}
          part=${id}
          name=${field}
          type=${type}
          autocomplete="off"
          maxlength=${maxlength || nothing}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${described || nothing}
          .value=${value}
        />
      </label>
      ${hint ? html`<p id="${id}-hint" class="hint">${hint}</p>` : nothing}
      ${this.#fieldError(field)}
    </div>`;
  }

  #fieldError(field: string) {
    const error = this.#error(field);
    return error
      ? html`<p part="field-error" id="${field}-error" class="field-error">${error}</p>`
      : nothing;
  }

  /** Reasons the server gave for no one field (a rule across fields), said as they came. */
  #otherErrors() {
    const known = FIELD_IDS.map(([field]) => field);
    const other = Object.entries(this.fields)
      .filter(([key]) => !known.some((field) => key === field || key.startsWith(`${field}.`)))
      .flatMap(([, reasons]) => reasons);
    return other.length
      ? html`<p part="field-error" class="field-error">${other.join(' ')}</p>`
      : nothing;
  }

  #run(change: Change): void {
    const api = this.#host.api;
    if (!api || this.busy) return;
    this.#lastWasEnd = change.kind === 'end';
    void this.changeTask.run([api, change]);
  }

  #done(item: Announcement, effects: NoticesEffects): Announcement {
    effects.changed();
    return item;
  }

  readonly #audienceChange = (event: Event): void => {
    const target = event.target as HTMLInputElement;
    if (target.name !== 'audience') return;
    this.audience = target.value === 'accounts' ? 'accounts' : 'all';
    this.#host.requestUpdate();
  };

  readonly #cancel = (): void => {
    const id = this.editing?.id;
    this.reset();
    this.#effects.focusSoon(`[data-id='${id}'] [part~='edit']`);
  };

  readonly #submit = (event: SubmitEvent): void => {
    event.preventDefault();
    if (this.busy) return;
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '');
    const startsAt = fromLocalInput(text('startsAt'));
    const input: AnnouncementInput = {
      title: text('title').trim(),
      body: text('body').trim(),
      severity: text('severity') as AnnouncementInput['severity'],
      ...(startsAt ? { startsAt } : {}),
      endsAt: fromLocalInput(text('endsAt')),
      audience: this.audience,
      ...(this.audience === 'accounts'
        ? { accountIds: this.picker.chosen.map((account) => account.id) }
        : {}),
    };
    this.#run(
      this.editing ? { kind: 'update', id: this.editing.id, input } : { kind: 'create', input },
    );
  };
}

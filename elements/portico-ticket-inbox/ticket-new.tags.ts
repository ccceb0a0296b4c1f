import { html, nothing, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { tagProblem } from './ticket-list.filters.ts';
import { MAX_TAGS, MAX_TAG_LENGTH, normalTag, type ViewEffects } from './ticket-list.api.ts';
import { isolate } from '../shared/bidi.ts';
import { formatNumber } from '../shared/format.ts';

/**
 * The new ticket's tags as chips: typed into one field and added with Enter, a comma or the
 * "Add tag" button, each removable with its own button. Tags are kept as the server keeps
 * them (trimmed, lower case, each once), at most ten.
 */
export class TagChips {
  tags: string[] = [];
  /** What the tag field holds, not yet a tag. */
  text = '';
  /** Why the last tag could not be added. */
  problem = '';

  readonly #host: ReactiveControllerHost;
  readonly #effects: ViewEffects;

  constructor(host: ReactiveControllerHost, effects: ViewEffects) {
    this.#host = host;
    this.#effects = effects;
  }

  reset(): void {
    this.tags = [];
    this.text = '';
    this.problem = '';
  }

  /** Adds what the field holds, as submitting does; false when it is not a tag the server takes. */
  commit(): boolean {
    if (!normalTag(this.text)) return true;
    return this.#add(this.text);
  }

  /** `serverError` is the server's message about the tags, shown like the field's own. */
  render(disabled: boolean, serverError: string | undefined) {
    const problem = this.problem || serverError;
    const full = this.tags.length >= MAX_TAGS;
    const described = problem ? 'tag-input-error tags-hint' : 'tags-hint';
    return html`
      <div class="field" part="tags-field">
        <label for="tag-input">${msg('Tags (optional)')}</label>
        ${
          this.tags.length
            ? html`<ul part="tags" class="chips" aria-label=${msg('Tags added')}>
                ${this.tags.map(
                  (tag) =>
                    html`<li part="tag" class="chip">
                      <span dir="auto">${tag}</span>
                      <button
                        part="remove-tag"
                        type="button"
                        class="remove"
                        ?disabled=${disabled}
                        aria-label=${msg(str`Remove tag ${isolate(tag)}`)}
                        @click=${() => this.#remove(tag)}
                      >
                        <span aria-hidden="true">×</span>
                      </button>
                    </li>`,
                )}
              </ul>`
            : nothing
        }
        <div class="tag-entry">
          <input
            id="tag-input"
            part="tag-input"
            type="text"
            autocomplete="off"
            enterkeyhint="done"
            maxlength=${MAX_TAG_LENGTH + 1}
            ?disabled=${disabled || full}
            aria-invalid=${problem ? 'true' : nothing}
            aria-describedby=${described}
            .value=${live(this.text)}
            @input=${this.#onInput}
            @keydown=${this.#onKeydown}
          />
          <button
            part="add-tag"
            type="button"
            class="secondary"
            ?disabled=${disabled || full}
            @click=${this.#onAddClick}
          >
            ${msg('Add tag')}
          </button>
        </div>
        ${problem ? html`<span part="field-error" id="tag-input-error">${problem}</span>` : nothing}
        <span id="tags-hint" class="hint">
          ${
            full
              ? msg(str`That is ${formatNumber(MAX_TAGS)} tags, the most a ticket can have.`)
              : msg(str`Press Enter or a comma to add a tag. Up to ${formatNumber(MAX_TAGS)} tags.`)
          }
        </span>
      </div>
    `;
  }

  #add(text: string): boolean {
    const tag = normalTag(text);
    this.problem =
      tagProblem(tag) ||
      (tag.length > MAX_TAG_LENGTH
        ? msg(str`Tags are at most ${formatNumber(MAX_TAG_LENGTH)} characters.`)
        : this.tags.length >= MAX_TAGS && !this.tags.includes(tag)
          ? msg(str`At most ${formatNumber(MAX_TAGS)} tags.`)
          : '');
    if (this.problem) {
      this.#host.requestUpdate();
      return false;
    }
    if (!this.tags.includes(tag)) {
      this.tags = [...this.tags, tag];
      this.#effects.announce(msg(str`Tag ${tag} added.`));
    }
    this.text = '';
    this.#host.requestUpdate();
    return true;
  }

  #remove(tag: string): void {
    this.tags = this.tags.filter((other) => other !== tag);
    this.problem = '';
    this.#effects.announce(msg(str`Tag ${tag} removed.`));
    this.#effects.focusSoon('#tag-input');
    this.#host.requestUpdate();
  }

  /** A comma ends a tag, also when several are pasted at once. */
  readonly #onInput = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const parts = input.value.split(',');
    let rest = parts.pop() ?? '';
    this.problem = '';
    for (const [index, part] of parts.entries()) {
      if (!normalTag(part) || this.#add(part)) continue;
      // The refused tag stays in the field to be corrected, with what followed it.
      rest = [...parts.slice(index), rest].join(',');
      break;
    }
    this.text = rest;
    if (input.value !== rest) input.value = rest;
    this.#host.requestUpdate();
  };

  readonly #onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || event.isComposing) return;
    // Enter adds the tag; it must not send the ticket.
    event.preventDefault();
    if (normalTag(this.text)) this.#add(this.text);
  };

  readonly #onAddClick = () => {
    if (normalTag(this.text)) this.#add(this.text);
    else this.problem = msg('Type a tag first.');
    this.#effects.focusSoon('#tag-input');
    this.#host.requestUpdate();
  };
}

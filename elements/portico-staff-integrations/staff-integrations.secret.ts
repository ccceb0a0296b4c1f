import { html, nothing, type ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';

/** A secret the server showed once: what it is for, and its value. */
export interface Revealed {
  /** The heading, such as "Signing secret for https://erp.example/hooks". */
  title: string;
  value: string;
  /** Where the secret is shown (`webhook` or `key`), so each block shows its own. */
  place: 'webhook' | 'key';
}

/**
 * A secret shown once (an endpoint's signing secret, an ERP key): its value in a read-only field
 * to select, a Copy button, the warning that it will not be shown again, and "Done", which hides
 * it for good. Copying falls back to selecting the text where the clipboard is not allowed.
 */
export class SecretReveal {
  shown: Revealed | null = null;
  copied = false;
  readonly #host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment };
  readonly #announce: (text: string) => void;
  readonly #focusSoon: (selector: string) => void;

  constructor(
    host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment },
    announce: (text: string) => void,
    focusSoon: (selector: string) => void,
  ) {
    this.#host = host;
    this.#announce = announce;
    this.#focusSoon = focusSoon;
  }

  show(revealed: Revealed): void {
    this.shown = revealed;
    this.copied = false;
    this.#focusSoon('#secret-title');
    this.#host.requestUpdate();
  }

  render(place: Revealed['place']) {
    const shown = this.shown;
    if (!shown || shown.place !== place) return nothing;
    return html`<section
      part="secret-panel"
      class="secret"
      aria-labelledby="secret-title"
      aria-describedby="secret-warning"
    >
      <h3 id="secret-title" tabindex="-1">${shown.title}</h3>
      <p id="secret-warning" part="secret-warning" class="warning">
        ${msg('Copy it now and keep it somewhere safe: it will not be shown again.')}
      </p>
      <label>
        ${place === 'key' ? msg('Key') : msg('Signing secret')}
        <input
          id="secret-value"
          part="secret"
          readonly
          spellcheck="false"
          autocomplete="off"
          .value=${shown.value}
          @focus=${(event: FocusEvent) => (event.target as HTMLInputElement).select()}
        />
      </label>
      <div class="actions">
        <button part="copy" type="button" class="primary" @click=${this.#copy}>
          ${this.copied ? msg('Copied') : msg('Copy')}
        </button>
        <button part="secret-done" type="button" class="secondary" @click=${this.#done}>
          ${msg('Done, hide it')}
        </button>
      </div>
    </section>`;
  }

  readonly #copy = async (): Promise<void> => {
    const value = this.shown?.value;
    if (!value) return;
    try {
      await navigator.clipboard.writeText(value);
      this.copied = true;
      this.#announce(msg('Copied to the clipboard.'));
    } catch {
      const field = this.#host.renderRoot.querySelector<HTMLInputElement>('#secret-value');
      field?.focus();
      field?.select();
      this.#announce(
        msg('The browser did not allow copying: the text is selected, copy it yourself.'),
      );
    }
    this.#host.requestUpdate();
  };

  readonly #done = (): void => {
    const place = this.shown?.place;
    this.shown = null;
    this.copied = false;
    this.#focusSoon(place === 'key' ? '#keys-title' : '#endpoints-title');
    this.#host.requestUpdate();
  };
}

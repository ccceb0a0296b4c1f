import { html } from 'lit';
import { msg } from '@lit/localize';
import { saveBlob } from './download.ts';
import type { SecurityEffects } from './security-setup.ts';

/**
 * The backup codes, shown once: a warning to store them, the list, and Copy and Download. Each
 * code signs in once when the authenticator app is not at hand.
 */
export function renderBackupCodes(
  codes: readonly string[],
  actions: { onCopy: () => void; onDownload: () => void; onDone: () => void },
) {
  return html`
    <div part="backup-codes" class="panel" role="group" aria-labelledby="backup-codes-title">
      <h4 id="backup-codes-title" tabindex="-1">${msg('Your backup codes')}</h4>
      <p part="store-safely" class="warning">
        <strong>${msg('Store these safely, such as in a password manager or on paper.')}</strong>
        ${msg('Each code signs you in once if you lose your phone. This is the only time we show them.')}
      </p>
      <ol part="backup-code-list" class="codes">
        ${codes.map((code) => html`<li><code dir="ltr">${code}</code></li>`)}
      </ol>
      <div class="actions">
        <button part="copy-codes" type="button" class="secondary" @click=${actions.onCopy}>
          ${msg('Copy')}
        </button>
        <button part="download-codes" type="button" class="secondary" @click=${actions.onDownload}>
          ${msg('Download')}
        </button>
        <button part="codes-stored" type="button" class="primary" @click=${actions.onDone}>
          ${msg('I have stored them')}
        </button>
      </div>
    </div>
  `;
}

/** Copies the codes, one a line, and says so; a refusal of the clipboard says what to do instead. */
export async function copyCodes(codes: readonly string[], effects: SecurityEffects) {
  try {
    await navigator.clipboard.writeText(codes.join('\n'));
    effects.announce(msg('The backup codes are copied.'));
  } catch {
    effects.announce(msg('The codes could not be copied. Download them instead.'));
  }
}

/** Saves the codes as a text file, with a line that says what they are. */
export function downloadCodes(codes: readonly string[], within: Node) {
  const text = [msg('Backup codes: each signs you in once.'), '', ...codes, ''].join('\n');
  saveBlob(new Blob([text], { type: 'text/plain' }), 'backup-codes.txt', within);
}

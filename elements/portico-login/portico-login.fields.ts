import { html, nothing } from 'lit';
import { msg } from '@lit/localize';

/** The email field; `username` when signing in to an existing account, `email` for a new one. */
export function emailField(autocomplete: 'username' | 'email') {
  return html`
    <label>
      ${msg('Email')}
      <input
        name="email"
        type="email"
        autocomplete=${autocomplete}
        inputmode="email"
        required
        maxlength="254"
      />
    </label>
  `;
}

/** A password field; a new password must have at least 8 characters, as the server demands. */
export function passwordField(label: string, kind: 'current-password' | 'new-password') {
  return html`
    <label>
      ${label}
      <input
        name="password"
        type="password"
        autocomplete=${kind}
        required
        minlength=${kind === 'new-password' ? 8 : nothing}
        maxlength="128"
      />
    </label>
  `;
}

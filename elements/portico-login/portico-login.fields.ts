import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { TaskStatus } from '@lit/task';
import { errorMessage } from '../api/errors.ts';

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

/**
 * A field for a code that was emailed or shown by an app: digits only, offered by the phone's
 * keyboard and filled in from a text message or mail where the system can. Spaces are allowed,
 * as people copy "123 456".
 */
export function codeField(label: string) {
  return html`
    <label>
      ${label}
      <input
        name="code"
        part="code"
        inputmode="numeric"
        autocomplete="one-time-code"
        pattern="\\s*[0-9]{3}\\s*[0-9]{3}\\s*"
        required
        dir="ltr"
      />
    </label>
  `;
}

/** A code with its spaces taken out, as the server compares it. */
export function codeOf(form: HTMLFormElement): string {
  return String(new FormData(form).get('code') ?? '').replace(/\s/g, '');
}

/** A failed Task's sentence in `part="error"`, announced at once. */
export function renderAuthError(task: { status: TaskStatus; error: unknown }, sentence?: string) {
  if (task.status !== TaskStatus.ERROR) return nothing;
  const text = sentence ?? errorMessage(task.error);
  return text ? html`<p part="error" role="alert">${text}</p>` : nothing;
}

/** One form of the element: title, fields, the task's error, and a submit that shows progress. */
export function renderForm(form: {
  title: string;
  task: { status: TaskStatus; error: unknown };
  onSubmit: (event: SubmitEvent) => void;
  submit: string;
  pending: string;
  fields: unknown;
  intro?: unknown;
  error?: unknown;
  secondary?: unknown;
  footer?: unknown;
}) {
  const busy = form.task.status === TaskStatus.PENDING;
  return html`
    <form part="form" aria-labelledby="title" @submit=${form.onSubmit}>
      <h2 id="title" part="title">${form.title}</h2>
      ${form.intro ?? nothing} ${form.fields} ${form.error ?? renderAuthError(form.task)}
      <div class="actions">
        <button part="submit" class="primary" type="submit" ?disabled=${busy}>
          ${busy ? form.pending : form.submit}
        </button>
        ${form.secondary ?? nothing}
      </div>
      ${form.footer ?? nothing}
    </form>
  `;
}

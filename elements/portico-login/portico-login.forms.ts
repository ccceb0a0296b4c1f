import { html } from 'lit';
import { msg } from '@lit/localize';
import type { TaskStatus } from '@lit/task';
import { emailField, passwordField, renderForm } from './portico-login.fields.ts';

/** What one of the simple forms needs of the element: its task, its submit and the way back. */
interface FormOf {
  task: { status: TaskStatus; error: unknown };
  onSubmit: (event: SubmitEvent) => void;
  back: (label: string) => unknown;
}

export function signUpForm({ task, onSubmit, back }: FormOf) {
  return renderForm({
    title: msg('Create an account'),
    task,
    onSubmit,
    submit: msg('Create account'),
    pending: msg('Creating your account…'),
    fields: html`
      <label>
        ${msg('Your name')}
        <input name="name" autocomplete="name" required maxlength="100" />
      </label>
      ${emailField('email')}
      ${passwordField(msg('Password (at least 8 characters)'), 'new-password')}
    `,
    secondary: back(msg('I already have an account')),
  });
}

export function forgotForm({ task, onSubmit, back }: FormOf) {
  return renderForm({
    title: msg('Reset your password'),
    task,
    onSubmit,
    submit: msg('Send the link'),
    pending: msg('Sending…'),
    intro: html`<p>
      ${msg('Enter your email and we will send you a link to choose a new password.')}
    </p>`,
    fields: emailField('username'),
    secondary: back(msg('Back to sign in')),
  });
}

export function resetForm({ task, onSubmit }: Omit<FormOf, 'back'>) {
  return renderForm({
    title: msg('Choose a new password'),
    task,
    onSubmit,
    submit: msg('Save the new password'),
    pending: msg('Saving…'),
    fields: passwordField(msg('New password (at least 8 characters)'), 'new-password'),
  });
}

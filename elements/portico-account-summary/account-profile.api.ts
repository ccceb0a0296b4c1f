import { html, nothing, type ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import { TaskStatus } from '@lit/task';
import { TRPCClientError } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../backend/router.ts';
import type { PorticoApi } from '../api/client.ts';
import type { SessionState } from '../api/session.ts';

export { accountOf, renderTaskError } from '../shared/task.ts';

type Outputs = inferRouterOutputs<AppRouter>;
type Inputs = inferRouterInputs<AppRouter>;

export type Profile = Outputs['profile']['get'];
export type DeviceSession = Outputs['profile']['sessions'][number];
export type SavedAddress = Outputs['address']['list'][number];
export type MemberList = Outputs['account']['members'];
export type Member = MemberList['members'][number];
export type PendingInvitation = MemberList['invitations'][number];
export type InvitationForYou = Outputs['account']['invitations'][number];
export type Membership = Outputs['account']['memberships'][number];
export type Role = Member['role'];
export type Language = NonNullable<Inputs['profile']['update']['locale']>;

/** Most rights first, as the role choices list them. */
export const ROLES: readonly Role[] = ['owner', 'buyer', 'viewer'];

/** The languages a person may prefer; the server takes the same list. */
export const LANGUAGES: readonly Language[] = ['en', 'de', 'lv', 'hr', 'el', 'fa'];

/** What the profile's sections need of the element that hosts them. */
export interface ProfileHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
  readonly session: SessionState;
}

/** What the sections ask of the element: focus moved after a render, and a polite announcement. */
export interface ProfileEffects {
  /** Moves focus to the element matching `selector` once a render has put it on screen. */
  focusSoon(selector: string): void;
  /** Says `text` in the element's polite live region. */
  announce(text: string): void;
}

/** Who is signed in: a change of person reads their profile again. */
export function userOf(session: SessionState): string | null {
  return session.status === 'signed-in' ? session.me.user.id : null;
}

/** A stored role as Portico's three (better-auth's `admin` and `member` count as owner and buyer). */
export function accountRole(stored: string | null | undefined): Role {
  if (stored === 'owner' || stored === 'admin') return 'owner';
  if (stored === 'viewer') return 'viewer';
  return 'buyer';
}

/** The signed-in person's role in the account they work in, or null without one. */
export function myRole(session: SessionState): Role | null {
  return session.status === 'signed-in' && session.me.account
    ? accountRole(session.me.account.role)
    : null;
}

export function roleName(role: Role): string {
  switch (role) {
    case 'owner':
      return msg('Owner');
    case 'buyer':
      return msg('Buyer');
    case 'viewer':
      return msg('Viewer');
  }
}

/** What a role lets a member do, in one line that names the role. */
export function roleExplained(role: Role): string {
  switch (role) {
    case 'owner':
      return msg('Owner: can place orders and manage the members and invitations');
    case 'buyer':
      return msg('Buyer: can place and change orders');
    case 'viewer':
      return msg('Viewer: can see orders, invoices and tickets');
  }
}

/** A language in its own name, such as “Deutsch”, so that its speakers find it. */
export function languageName(code: Language): string {
  const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
}

/** zod's messages about single fields, keyed by dotted path such as `address.city`. */
export function fieldErrorsOf(error: unknown): Record<string, string[]> {
  if (!(error instanceof TRPCClientError)) return {};
  const fields = (error.data as { fieldErrors?: Record<string, string[]> | null } | undefined)
    ?.fieldErrors;
  return fields ?? {};
}

/** A message about one field, to be named by the field's `aria-describedby`. */
export function renderFieldError(id: string, text: string | undefined) {
  return text ? html`<span part="field-error" id=${id}>${text}</span>` : nothing;
}

/** Progress of a read, said politely while the section has nothing (`shown`) to show yet. */
export function renderLoading(task: { status: TaskStatus }, shown: unknown, text: string) {
  return task.status === TaskStatus.PENDING && shown == null
    ? html`<p class="loading" role="status">${text}</p>`
    : nothing;
}

/** An inline "are you sure?" step: the question takes focus, the safe answer comes second. */
export function renderConfirm(options: {
  id: string;
  question: string;
  detail?: string;
  yes: string;
  no: string;
  busyText: string;
  busy: boolean;
  onYes: () => void;
  onNo: () => void;
  error?: unknown;
}) {
  return html`
    <div part="confirm" class="confirm" role="group" aria-labelledby=${options.id}>
      <p id=${options.id} class="question" tabindex="-1">
        <strong>${options.question}</strong>
        ${options.detail ? html`<span>${options.detail}</span>` : nothing}
      </p>
      ${options.error ?? nothing}
      <div class="actions">
        <button
          part="confirm-yes"
          type="button"
          class="danger"
          ?disabled=${options.busy}
          @click=${options.onYes}
        >
          ${options.busy ? options.busyText : options.yes}
        </button>
        <button part="confirm-no" type="button" class="secondary" @click=${options.onNo}>
          ${options.no}
        </button>
      </div>
    </div>
  `;
}

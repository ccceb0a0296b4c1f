import { LitElement, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { msg } from '@lit/localize';
import type { PorticoApi } from '../api/client.ts';
import { mustSetUpSecondFactor, type SessionState } from '../api/session.ts';
import { apiContext, sessionContext } from '../context.ts';
import { BusyNotice } from './busy.ts';

/** Whether someone from the vendor's staff is signed in, ready to work or not. */
export function isStaffSession(session: SessionState): boolean {
  return session.status === 'signed-in' && ['agent', 'admin'].includes(session.me.role);
}

/**
 * The signed-in staff member's user id, or null when the session is not a staff one, or while
 * they still have to set up security codes (the server refuses the staff views until then).
 */
export function staffOf(session: SessionState): string | null {
  if (!isStaffSession(session) || mustSetUpSecondFactor(session)) return null;
  return session.status === 'signed-in' ? session.me.user.id : null;
}

/**
 * What every view of the staff console shares: the API client and session from context, the
 * signed-in staff member, focus moved after a render, and the line shown to anyone else.
 */
export abstract class StaffView extends LitElement {
  /** The API client, from the page or the nearest `<portico-portal>`. */
  @consume({ context: apiContext, subscribe: true })
  @property({ attribute: false })
  api?: PorticoApi;

  /** Who is signed in, from the page or the nearest `<portico-portal>`. */
  @consume({ context: sessionContext, subscribe: true })
  @property({ attribute: false })
  session: SessionState = { status: 'unknown' };

  /** "The portal is busy. Trying again…" while calls wait out a busy server. */
  private busyNotice = new BusyNotice(this);

  /** The selector to focus once a render has put it on screen. */
  private focusTarget: string | null = null;

  /** The signed-in staff member's id, or null when the session is not a staff one. */
  get staffId(): string | null {
    return staffOf(this.session);
  }

  /**
   * Moves focus to the element matching `selector` once a render has put it on screen. From
   * `willUpdate` it takes effect in the same update.
   */
  protected focusSoon(selector: string): void {
    this.focusTarget = selector;
    this.requestUpdate();
  }

  /** Focuses the element `focusSoon` asked for, once it exists. */
  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.focusTarget) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.focusTarget);
    if (!target) return;
    this.focusTarget = null;
    target.focus();
  }

  /**
   * What the view shows instead of itself when no staff member is signed in: "Loading…" while
   * the session is unknown, what to do first for staff without security codes, else `sentence`
   * (such as "Sign in with a staff account to …").
   */
  protected renderNotStaff(sentence: string) {
    if (this.session.status === 'unknown') {
      return html`<p part="signed-out" role="status">${msg('Loading…')}</p>`;
    }
    return isStaffSession(this.session)
      ? html`<p part="signed-out">${msg('Set up security codes to use the console.')}</p>`
      : html`<p part="signed-out">${sentence}</p>`;
  }
}

import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { formatDate, formatDateTime } from '../shared/format.ts';
import {
  renderConfirm,
  renderLoading,
  renderTaskError,
  userOf,
  type DeviceSession,
  type ProfileEffects,
  type ProfileHost,
} from './account-profile.api.ts';

/** Browsers by their user-agent token; those built on Chrome name themselves before it. */
const BROWSERS: readonly (readonly [RegExp, string])[] = [
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bVivaldi\//, 'Vivaldi'],
  [/\bYaBrowser\//, 'Yandex Browser'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  [/\bChromium\//, 'Chromium'],
  [/\bCriOS\/|\b(?:Headless)?Chrome\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
  [/\bTrident\/|\bMSIE /, 'Internet Explorer'],
];

/** Systems by their user-agent token; phones and tablets first, as they also claim the desktop's. */
const SYSTEMS: readonly (readonly [RegExp, string])[] = [
  [/\biPhone\b/, 'iPhone'],
  [/\biPad\b/, 'iPad'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

const first = (table: readonly (readonly [RegExp, string])[], text: string) =>
  table.find(([pattern]) => pattern.test(text))?.[1];

/** A device as a person recognises it, such as “Firefox on Windows”, from its user agent. */
export function describeDevice(userAgent: string | null | undefined): string {
  const browser = userAgent ? first(BROWSERS, userAgent) : undefined;
  const system = userAgent ? first(SYSTEMS, userAgent) : undefined;
  if (browser && system) return msg(str`${browser} on ${system}`);
  return browser ?? system ?? msg('An unknown device');
}

/**
 * The devices the person is signed in on, newest first, with this one marked: sign out one of
 * the others, or all of them after a confirmation.
 */
export class SessionsController {
  /** The sessions as the server last described them. */
  sessions: DeviceSession[] | null = null;
  /** Whether "Sign out everywhere else" waits for a yes. */
  confirming = false;

  readonly listTask: Task<readonly [PorticoApi | undefined, string | null], DeviceSession[]>;
  readonly revokeTask: Task<[PorticoApi, DeviceSession], void>;
  readonly revokeOthersTask: Task<[PorticoApi], void>;

  readonly #host: ProfileHost;
  readonly #effects: ProfileEffects;
  readonly #current = new Set<object>();
  /** The session whose "Sign out" is under way. */
  #revoking: string | null = null;

  constructor(host: ProfileHost, effects: ProfileEffects) {
    this.#host = host;
    this.#effects = effects;

    this.listTask = new Task(host, {
      args: () => [host.api, userOf(host.session)] as const,
      task: async ([api, user], { signal }) => {
        if (!api || !user) return initialState;
        this.sessions = await api.trpc.profile.sessions.query(undefined, { signal });
        return this.sessions;
      },
    });

    this.revokeTask = new Task(host, {
      autoRun: false,
      task: async ([api, session]: [PorticoApi, DeviceSession], { signal }) => {
        await api.trpc.profile.revokeSession.mutate({ sessionId: session.id }, { signal });
        this.sessions = await api.trpc.profile.sessions.query(undefined, { signal });
        effects.focusSoon('#sessions-title');
        effects.announce(msg(str`Signed out on ${describeDevice(session.userAgent)}.`));
      },
    });

    this.revokeOthersTask = new Task(host, {
      autoRun: false,
      task: async ([api]: [PorticoApi], { signal }) => {
        const { revoked } = await api.trpc.profile.revokeOtherSessions.mutate(undefined, {
          signal,
        });
        this.sessions = await api.trpc.profile.sessions.query(undefined, { signal });
        this.confirming = false;
        effects.focusSoon('#sessions-title');
        effects.announce(
          revoked === 1
            ? msg('Signed out on 1 other device.')
            : msg(str`Signed out on ${revoked} other devices.`),
        );
      },
    });
  }

  /** Reads the list again, after something else (a password change) ended sessions. */
  reload(): void {
    void this.listTask.run();
  }

  /** Forgets what was on screen: another person is signed in. */
  reset(): void {
    this.sessions = null;
    this.confirming = false;
    this.#current.clear();
  }

  render() {
    const sessions = this.sessions;
    const others = sessions?.filter((session) => !session.current).length ?? 0;
    return html`
      <section part="sessions" aria-labelledby="sessions-title">
        <h3 id="sessions-title" tabindex="-1">${msg('Where you are signed in')}</h3>
        ${renderLoading(this.listTask, sessions, msg('Loading your devices…'))}
        ${renderTaskError(this.listTask, () => this.reload())}
        ${
          sessions
            ? html`<ul part="session-list" class="cards">
                ${sessions.map((session) => this.#renderSession(session))}
              </ul>`
            : nothing
        }
        ${this.#shows(this.revokeTask) ? renderTaskError(this.revokeTask) : nothing}
        ${others ? this.#renderRevokeOthers() : nothing}
      </section>
    `;
  }

  #renderSession(session: DeviceSession) {
    const device = describeDevice(session.userAgent);
    const busy = this.revokeTask.status === TaskStatus.PENDING && this.#revoking === session.id;
    return html`
      <li part="session" class="card" data-session=${session.id}>
        <p class="card-head">
          <strong part="device">${device}</strong>
          ${
            session.current
              ? html`<span part="this-device" class="badge">${msg('This device')}</span>`
              : nothing
          }
        </p>
        <p class="meta">
          <span part="last-active">
            ${msg('Last active')}
            <time datetime=${session.lastSeenAt}>${formatDateTime(session.lastSeenAt)}</time>
          </span>
          <span>
            ${msg('Signed in')}
            <time datetime=${session.createdAt}>${formatDate(session.createdAt)}</time>
          </span>
        </p>
        ${
          session.current
            ? nothing
            : html`<div class="actions">
                <button
                  part="revoke-session"
                  type="button"
                  class="secondary"
                  aria-label=${msg(str`Sign out on ${device}`)}
                  ?disabled=${busy}
                  @click=${() => this.#revoke(session)}
                >
                  ${busy ? msg('Signing out…') : msg('Sign out')}
                </button>
              </div>`
        }
      </li>
    `;
  }

  #renderRevokeOthers() {
    if (this.confirming) {
      return renderConfirm({
        id: 'revoke-others-question',
        question: msg('Sign out on all your other devices?'),
        detail: msg('This device stays signed in.'),
        yes: msg('Yes, sign them out'),
        no: msg('Keep them signed in'),
        busyText: msg('Signing out…'),
        busy: this.revokeOthersTask.status === TaskStatus.PENDING,
        onYes: () => this.#revokeOthers(),
        onNo: () => this.#toggleConfirm(false),
        error: this.#shows(this.revokeOthersTask)
          ? renderTaskError(this.revokeOthersTask)
          : nothing,
      });
    }
    return html`<div class="actions">
      <button
        part="revoke-others"
        type="button"
        class="secondary"
        @click=${() => this.#toggleConfirm(true)}
      >
        ${msg('Sign out everywhere else')}
      </button>
    </div>`;
  }

  #shows(task: object): boolean {
    return this.#current.has(task);
  }

  #toggleConfirm(open: boolean) {
    this.confirming = open;
    this.#current.delete(this.revokeOthersTask);
    this.#effects.focusSoon(open ? '#revoke-others-question' : "[part~='revoke-others']");
    this.#host.requestUpdate();
  }

  #revoke(session: DeviceSession) {
    const api = this.#host.api;
    if (!api) return;
    this.#revoking = session.id;
    this.#current.add(this.revokeTask);
    void this.revokeTask.run([api, session]);
  }

  #revokeOthers() {
    const api = this.#host.api;
    if (!api) return;
    this.#current.add(this.revokeOthersTask);
    void this.revokeOthersTask.run([api]);
  }
}

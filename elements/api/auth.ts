/** A failed call to the sign-in service, with better-auth's error code when it gave one. */
export class AuthError extends Error {
  override name = 'AuthError';
  readonly status: number;
  readonly code: string;
  /** Seconds to wait before trying again, when the server said (a 429's `X-Retry-After`). */
  readonly retryAfter: number | null;

  constructor(status: number, code: string, message: string, retryAfter: number | null = null) {
    super(message);
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }
}

/** A way of proving it is you after the password: an authenticator app, or a code by email. */
export type SecondFactorMethod = 'totp' | 'otp';

/**
 * What a right password answers: nothing more when the person has no second factor (the session
 * cookie is set), else the ways they may finish signing in (no session yet).
 */
export interface SignInAnswer {
  twoFactorRedirect?: boolean;
  twoFactorMethods?: SecondFactorMethod[];
}

/** What turning security codes on answers; an authenticator app gets its URI and backup codes. */
export interface EnableAnswer {
  totpURI?: string;
  backupCodes?: string[];
}

/**
 * The few sign-in endpoints the elements use, called with plain fetch so the page carries no
 * auth client library. Cookies are the session: every call includes credentials.
 */
export class AuthClient {
  readonly #base: string;
  readonly #fetch: typeof fetch;

  /** `send` is the fetch to call with; the page's client passes one that waits out a busy server. */
  constructor(apiUrl: string, send: typeof fetch = fetch) {
    this.#base = `${apiUrl}/api/auth`;
    this.#fetch = send;
  }

  async signIn(email: string, password: string, signal?: AbortSignal): Promise<SignInAnswer> {
    const answer = await this.#post(
      '/sign-in/email',
      { email, password, rememberMe: true },
      signal,
    );
    return (answer ?? {}) as SignInAnswer;
  }

  /**
   * The second step of a sign-in (or, with a session, the confirmation of a new authenticator
   * app). `trustDevice` spares this browser the second step for 30 days.
   */
  verifySecondFactor(
    kind: 'totp' | 'otp' | 'backup-code',
    code: string,
    trustDevice: boolean,
    signal?: AbortSignal,
  ) {
    return this.#post(`/two-factor/verify-${kind}`, { code, trustDevice }, signal);
  }

  /** Mails a code for the second step of the sign-in under way. */
  sendSecondFactorCode(signal?: AbortSignal) {
    return this.#post('/two-factor/send-otp', {}, signal);
  }

  /** Mails a sign-in code; the answer is the same whether or not the address has an account. */
  sendSignInCode(email: string, signal?: AbortSignal) {
    return this.#post('/email-otp/send-verification-otp', { email, type: 'sign-in' }, signal);
  }

  signInWithCode(email: string, otp: string, signal?: AbortSignal) {
    return this.#post('/sign-in/email-otp', { email, otp }, signal);
  }

  /** Turns security codes on; an authenticator app is on only once a code from it is verified. */
  async enableSecondFactor(
    password: string,
    method: SecondFactorMethod,
    signal?: AbortSignal,
  ): Promise<EnableAnswer> {
    const answer = await this.#post('/two-factor/enable', { password, method }, signal);
    return (answer ?? {}) as EnableAnswer;
  }

  disableSecondFactor(password: string, signal?: AbortSignal) {
    return this.#post('/two-factor/disable', { password }, signal);
  }

  /** Ten new backup codes; the old ones stop working. */
  async newBackupCodes(password: string, signal?: AbortSignal): Promise<string[]> {
    const answer = await this.#post('/two-factor/generate-backup-codes', { password }, signal);
    return (answer as { backupCodes?: string[] } | null)?.backupCodes ?? [];
  }

  /** Creates the person and mails a confirmation link that returns to `callbackURL`. */
  signUp(name: string, email: string, password: string, callbackURL: string, signal?: AbortSignal) {
    return this.#post('/sign-up/email', { name, email, password, callbackURL }, signal);
  }

  resendVerification(email: string, callbackURL: string, signal?: AbortSignal) {
    return this.#post('/send-verification-email', { email, callbackURL }, signal);
  }

  signOut(signal?: AbortSignal) {
    return this.#post('/sign-out', {}, signal);
  }

  /** Mails a reset link that returns to `redirectTo` with `?token=…`. */
  requestPasswordReset(email: string, redirectTo: string, signal?: AbortSignal) {
    return this.#post('/request-password-reset', { email, redirectTo }, signal);
  }

  resetPassword(token: string, newPassword: string, signal?: AbortSignal) {
    return this.#post('/reset-password', { token, newPassword }, signal);
  }

  /**
   * Mails a confirmation link to `newEmail` that returns to `callbackURL`; the address changes
   * only once that link is opened.
   */
  changeEmail(newEmail: string, callbackURL: string, signal?: AbortSignal) {
    return this.#post('/change-email', { newEmail, callbackURL }, signal);
  }

  /**
   * Fails with `INVALID_PASSWORD` when `currentPassword` is wrong. Revoking the other sessions
   * also replaces this one: the answer sets a new session cookie.
   */
  changePassword(
    currentPassword: string,
    newPassword: string,
    revokeOtherSessions: boolean,
    signal?: AbortSignal,
  ) {
    return this.#post(
      '/change-password',
      { currentPassword, newPassword, revokeOtherSessions },
      signal,
    );
  }

  async #post(path: string, body: object, signal?: AbortSignal): Promise<unknown> {
    let response: Response;
    try {
      response = await this.#fetch(this.#base + path, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new AuthError(0, 'NETWORK', 'The portal could not be reached.');
    }
    const data: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      // better-auth answers `{ code, message }`; Portico's own refusals `{ error: { code, message } }`.
      const body = (data ?? {}) as { code?: string; message?: string; error?: unknown };
      const nested = typeof body.error === 'object' && body.error !== null;
      const { code, message } = (nested ? body.error : body) as { code?: string; message?: string };
      const fallback = response.status === 429 ? 'TOO_MANY_REQUESTS' : `HTTP_${response.status}`;
      const wait = Number(
        response.headers.get('x-retry-after') ?? response.headers.get('retry-after') ?? NaN,
      );
      throw new AuthError(
        response.status,
        code ?? fallback,
        message ?? response.statusText,
        Number.isFinite(wait) && wait > 0 ? Math.ceil(wait) : null,
      );
    }
    return data;
  }
}

/** A failed call to the sign-in service, with better-auth's error code when it gave one. */
export class AuthError extends Error {
  override name = 'AuthError';
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/**
 * The few sign-in endpoints the elements use, called with plain fetch so the page carries no
 * auth client library. Cookies are the session: every call includes credentials.
 */
export class AuthClient {
  readonly #base: string;

  constructor(apiUrl: string) {
    this.#base = `${apiUrl}/api/auth`;
  }

  signIn(email: string, password: string, signal?: AbortSignal) {
    return this.#post('/sign-in/email', { email, password, rememberMe: true }, signal);
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
      response = await fetch(this.#base + path, {
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
      const { code, message } = (data ?? {}) as { code?: string; message?: string };
      const fallback = response.status === 429 ? 'TOO_MANY_REQUESTS' : `HTTP_${response.status}`;
      throw new AuthError(response.status, code ?? fallback, message ?? response.statusText);
    }
    return data;
  }
}

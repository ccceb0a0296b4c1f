import { msg, str } from '@lit/localize';
import { TRPCClientError } from '@trpc/client';
import { AuthError } from './auth.ts';
import { OVERLOADED } from './busy.ts';
import { formatNumber } from '../shared/format.ts';

/** better-auth's error codes, as a sentence that says what to do. */
function authSentence(error: AuthError): string {
  switch (error.code) {
    case 'INVALID_EMAIL_OR_PASSWORD':
    case 'INVALID_PASSWORD':
    case 'USER_NOT_FOUND':
      return msg('That email and password do not match. Check both, or reset your password.');
    case 'EMAIL_NOT_VERIFIED':
      return msg('Please confirm your email first: open the link we sent you.');
    case 'USER_ALREADY_EXISTS':
    case 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL':
      return msg('An account with this email already exists. Sign in, or reset your password.');
    case 'PASSWORD_TOO_SHORT':
      return msg('Choose a password of at least 8 characters.');
    case 'PASSWORD_TOO_LONG':
      return msg('Choose a password of at most 128 characters.');
    case 'INVALID_EMAIL':
      return msg('Enter a valid email address, such as name@example.com.');
    case 'INVALID_TOKEN':
    case 'TOKEN_EXPIRED':
      return msg('This link has expired or was already used. Ask for a new one.');
    case 'TOO_MANY_REQUESTS':
    case 'ACCOUNT_TEMPORARILY_LOCKED':
      return error.retryAfter
        ? msg(
            str`Too many attempts. Wait ${formatNumber(error.retryAfter)} seconds, then try again.`,
          )
        : error.code === 'ACCOUNT_TEMPORARILY_LOCKED'
          ? msg('Too many wrong codes. Wait 15 minutes, then try again.')
          : msg('Too many attempts. Wait a minute, then try again.');
    case 'INVALID_CODE':
    case 'INVALID_OTP':
      return msg('That code is not right. Check it and try again.');
    case 'INVALID_BACKUP_CODE':
      return msg('That backup code is not right, or it was already used.');
    case 'OTP_HAS_EXPIRED':
    case 'OTP_EXPIRED':
    case 'TOO_MANY_ATTEMPTS':
      return msg('That code has expired. Ask for a new one.');
    case 'INVALID_TWO_FACTOR_COOKIE':
    case 'TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE':
      return msg('This sign-in has expired. Start again with your email and password.');
    case 'SECOND_FACTOR_REQUIRED':
      return msg('Your account uses security codes: sign in with your password and a code.');
    case 'SESSION_NOT_KEPT':
      return msg(
        'Your password was right, but your browser did not keep the sign-in. Allow cookies for this site, then try again.',
      );
    case 'NETWORK':
      return msg('The portal could not be reached. Check your connection and try again.');
    case OVERLOADED:
      return busySentence();
    default:
      return error.status >= 500
        ? msg('Something went wrong on our side. Please try again in a moment.')
        : msg('That did not work. Check what you entered and try again.');
  }
}

/** What a call still refused as busy after its tries says (see `retryWhenBusy`). */
function busySentence(): string {
  return msg('The portal is busy. Try again in a few seconds.');
}

/** The refusal of everything but the profile to someone who must set up security codes first. */
export const SECOND_FACTOR_REQUIRED = 'SECOND_FACTOR_REQUIRED';

export function secondFactorRequiredSentence(): string {
  return msg('Your company asks everyone to use security codes. Set them up to continue.');
}

/** The stable key of a domain refusal (`OUT_OF_STOCK`), when the server sent one. */
export function refusalReason(error: unknown): string | null {
  if (!(error instanceof TRPCClientError)) return null;
  const reason = (error.data as { reason?: unknown } | undefined)?.reason;
  return typeof reason === 'string' ? reason : null;
}

/** The seconds a rate-limited call (`RATE_LIMITED`) must wait, when the server said. */
export function retryAfterSeconds(error: unknown): number | null {
  if (!(error instanceof TRPCClientError) || refusalReason(error) !== 'RATE_LIMITED') return null;
  const data = error.data as { details?: { retryAfterSeconds?: unknown } | null } | undefined;
  const seconds = data?.details?.retryAfterSeconds;
  return typeof seconds === 'number' && seconds > 0 ? Math.ceil(seconds) : null;
}

/** Any error, as one sentence a customer can act on. */
export function errorMessage(error: unknown): string {
  if (error instanceof AuthError) return authSentence(error);
  if (error instanceof TRPCClientError) {
    switch (error.data?.code) {
      case 'UNAUTHORIZED':
        return msg('Your session has ended. Please sign in again.');
      case 'FORBIDDEN':
        return refusalReason(error) === SECOND_FACTOR_REQUIRED
          ? secondFactorRequiredSentence()
          : msg('You do not have access to this.');
      case 'NOT_FOUND':
        return refusalReason(error)
          ? error.message
          : msg('We could not find that. It may have been removed.');
      case 'TOO_MANY_REQUESTS': {
        const wait = retryAfterSeconds(error);
        if (wait !== null)
          return msg(str`Too many attempts. Wait ${formatNumber(wait)} seconds, then try again.`);
        return refusalReason(error)
          ? error.message
          : msg('Too many attempts. Wait a minute, then try again.');
      }
      case 'BAD_REQUEST':
        return error.message || msg('Check what you entered and try again.');
      case 'CONFLICT':
      case 'PRECONDITION_FAILED':
        // A domain rule said no; the server's sentence names the rule and what to do next.
        return refusalReason(error)
          ? error.message
          : msg('That could not be done right now. Reload and try again.');
      case undefined:
        // The server's busy refusal is not a tRPC answer, so only its status tells it apart.
        if ((error.meta?.response as Response | undefined)?.status === 503) return busySentence();
        return msg('The portal could not be reached. Check your connection and try again.');
      default:
        return msg('Something went wrong on our side. Please try again in a moment.');
    }
  }
  if (error instanceof DOMException && error.name === 'AbortError') return '';
  return msg('Something went wrong. Please try again.');
}

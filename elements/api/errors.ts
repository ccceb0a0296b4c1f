import { msg } from '@lit/localize';
import { TRPCClientError } from '@trpc/client';
import { AuthError } from './auth.ts';

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
      return msg('Too many attempts. Wait a minute, then try again.');
    case 'SESSION_NOT_KEPT':
      return msg(
        'Your password was right, but your browser did not keep the sign-in. Allow cookies for this site, then try again.',
      );
    case 'NETWORK':
      return msg('The portal could not be reached. Check your connection and try again.');
    default:
      return error.status >= 500
        ? msg('Something went wrong on our side. Please try again in a moment.')
        : msg('That did not work. Check what you entered and try again.');
  }
}

/** The stable key of a domain refusal (`OUT_OF_STOCK`), when the server sent one. */
export function refusalReason(error: unknown): string | null {
  if (!(error instanceof TRPCClientError)) return null;
  const reason = (error.data as { reason?: unknown } | undefined)?.reason;
  return typeof reason === 'string' ? reason : null;
}

/** Any error, as one sentence a customer can act on. */
export function errorMessage(error: unknown): string {
  if (error instanceof AuthError) return authSentence(error);
  if (error instanceof TRPCClientError) {
    switch (error.data?.code) {
      case 'UNAUTHORIZED':
        return msg('Your session has ended. Please sign in again.');
      case 'FORBIDDEN':
        return msg('You do not have access to this.');
      case 'NOT_FOUND':
        return refusalReason(error)
          ? error.message
          : msg('We could not find that. It may have been removed.');
      case 'TOO_MANY_REQUESTS':
        return msg('Too many attempts. Wait a minute, then try again.');
      case 'BAD_REQUEST':
        return error.message || msg('Check what you entered and try again.');
      case 'CONFLICT':
      case 'PRECONDITION_FAILED':
        // A domain rule said no; the server's sentence names the rule and what to do next.
        return refusalReason(error)
          ? error.message
          : msg('That could not be done right now. Reload and try again.');
      case undefined:
        return msg('The portal could not be reached. Check your connection and try again.');
      default:
        return msg('Something went wrong on our side. Please try again in a moment.');
    }
  }
  if (error instanceof DOMException && error.name === 'AbortError') return '';
  return msg('Something went wrong. Please try again.');
}

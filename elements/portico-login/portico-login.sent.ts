import { msg, str } from '@lit/localize';
import { isolate } from '../shared/bidi.ts';

/*
 * What the login says after it mailed someone. The address stays whole in a right-to-left
 * sentence (a Persian one), whatever characters it starts or ends with.
 */

/** After signing up: the confirmation link is on its way. */
export function confirmationSent(email: string): string {
  return msg(str`We sent a confirmation link to ${isolate(email)}. Open it to finish signing up.`);
}

/** After asking for the confirmation mail again. */
export function confirmationResent(email: string): string {
  return msg(str`We sent a new confirmation link to ${isolate(email)}.`);
}

/** After "Forgot your password?": said the same whether the address has an account or not. */
export function resetLinkSent(email: string): string {
  return msg(str`If ${isolate(email)} has an account, we sent it a link to choose a new password.`);
}

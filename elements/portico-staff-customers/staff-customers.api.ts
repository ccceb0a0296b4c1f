import { msg, str } from '@lit/localize';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../backend/router.ts';

export {
  ROLES,
  fieldErrorsOf,
  renderFieldError,
  roleName,
} from '../portico-account-summary/account-profile.api.ts';

type StaffCustomer = inferRouterOutputs<AppRouter>['staff']['customer'];

export type SearchPage = StaffCustomer['search'];
export type FoundAccount = SearchPage['items'][number];
export type FoundPerson = FoundAccount['people'][number];
export type CustomerAccount = StaffCustomer['byId'];
export type Member = CustomerAccount['members'][number];
export type Invitation = CustomerAccount['invitations'][number];
export type AccountOrder = CustomerAccount['orders'][number];
export type AccountTicket = CustomerAccount['tickets'][number];
export type Role = Member['role'];

export const PAGE_SIZE = 20;

/** What the element's parts ask of it: focus after a render, and a polite announcement. */
export interface CustomerEffects {
  /** Moves focus to the element matching `selector` once a render has put it on screen. */
  focusSoon(selector: string): void;
  /** Says `text` in the element's polite live region. */
  announce(text: string): void;
  /** Shows the account as the server answered a change. */
  changed(account: CustomerAccount): void;
}

export function peopleCount(count: number): string {
  return count === 1 ? msg('1 person') : msg(str`${count} people`);
}

export function accountsFound(count: number, more: boolean): string {
  if (count === 0) return msg('No accounts match.');
  if (more) return msg(str`Showing the first ${count} accounts.`);
  return count === 1 ? msg('1 account.') : msg(str`${count} accounts.`);
}

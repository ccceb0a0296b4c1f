import { AccountError } from '../account/account.errors.ts';
import { AddressError } from '../address/address.errors.ts';
import { ChatError } from '../chat/chat.errors.ts';
import { ChatMail } from '../chat/chat.mail.ts';
import { ServerError } from '../errors.ts';
import { FileError, FileKind } from '../file/file.errors.ts';
import { HelpError } from '../help/help.errors.ts';
import { InvoiceText } from '../ledger/invoice.pdf.ts';
import { LedgerError } from '../ledger/ledger.errors.ts';
import { StatementText } from '../ledger/statement.ts';
import { SecurityMail } from '../mail/security.templates.ts';
import { AccountMail } from '../mail/templates.ts';
import { NotificationError } from '../notification/notification.errors.ts';
import { NotificationMail } from '../notification/notification.mail.ts';
import { OrderError } from '../order/order.errors.ts';
import { OrderMail } from '../order/order.mail.ts';
import { SessionError } from '../session/session.errors.ts';
import { TicketError } from '../ticket/ticket.errors.ts';
import { TicketMail } from '../ticket/ticket.mail.ts';

/**
 * Every English catalogue a customer reads from, under the stable name translations use. The
 * English text stays next to the code that uses it; this only names it. A function, so that a
 * module holding a catalogue may itself translate without an import cycle going wrong: the
 * bindings are read on the first call, after every module has loaded.
 *
 * Staff-only catalogues (settings, webhooks, reports, inbound API, customer view, announcements)
 * and staff mails stay English and are not listed.
 */
export const sourceCatalogues = () => ({
  AccountError,
  AddressError,
  ChatError,
  FileError,
  FileKind,
  HelpError,
  LedgerError,
  NotificationError,
  OrderError,
  SessionError,
  TicketError,
  ServerError,
  AccountMail,
  SecurityMail,
  NotificationMail,
  OrderMail,
  ChatMail,
  TicketMail,
  InvoiceText,
  StatementText,
});

/** The English source: catalogue name → key → sentence. */
export type Source = ReturnType<typeof sourceCatalogues>;
export type CatalogueName = keyof Source;

/** The `{name}`s a sentence has, as a union: `'{a} and {b}'` → `'a' | 'b'`. */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

type Intersection<U> = (U extends unknown ? (value: U) => void : never) extends (
  value: infer I,
) => void
  ? I
  : never;

/**
 * A translation of `S`: any string that has each of S's placeholders somewhere (in any order),
 * so a translator may reorder them but a forgotten one does not typecheck. A placeholder that
 * is not in the English is caught by the test, which compares the sets.
 */
export type TranslationOf<S extends string> = [Placeholders<S>] extends [never]
  ? string
  : Intersection<
      Placeholders<S> extends infer P extends string ? `${string}{${P}}${string}` : never
    >;

/**
 * One language's text for every catalogue: the same catalogues and keys as the English, no
 * more and no fewer. Each `backend/i18n/locales/<locale>.ts` is one of these.
 */
export type Translation = {
  readonly [C in CatalogueName]: {
    readonly [K in keyof Source[C]]: Source[C][K] extends string
      ? TranslationOf<Source[C][K]>
      : never;
  };
};

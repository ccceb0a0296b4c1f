import { router } from './trpc.ts';
import { portalRouter, staffPortalRouter } from './portal/portal.router.ts';
import { sessionRouter } from './session/session.router.ts';
import { catalogRouter } from './catalog/catalog.router.ts';
import { addressRouter } from './address/address.router.ts';
import { orderRouter } from './order/order.router.ts';
import { staffOrderRouter } from './order/order.staff.router.ts';
import { accountRouter } from './account/account.router.ts';
import { profileRouter } from './profile/profile.router.ts';
import { invoiceRouter, paymentRouter } from './ledger/ledger.router.ts';
import {
  staffAccountRouter,
  staffCreditNoteRouter,
  staffInvoiceRouter,
  staffPaymentRouter,
} from './ledger/ledger.staff.router.ts';
import { ticketRouter } from './ticket/ticket.router.ts';
import { staffTicketRouter } from './ticket/ticket.staff.router.ts';
import { fileRouter } from './file/file.router.ts';
import { helpRouter } from './help/help.router.ts';
import { staffHelpRouter } from './help/help.staff.router.ts';
import { chatRouter } from './chat/chat.router.ts';
import { staffChatRouter } from './chat/chat.staff.router.ts';
import { staffCustomerRouter } from './customer/customer.staff.router.ts';
import { staffReportRouter } from './report/report.staff.router.ts';
import { staffSettingsRouter } from './settings/settings.staff.router.ts';
import { staffWebhookRouter } from './webhook/webhook.router.ts';
import { staffInboundRouter } from './inbound/inbound.router.ts';
import { announcementRouter } from './announcement/announcement.router.ts';
import { staffAnnouncementRouter } from './announcement/announcement.staff.router.ts';
import { staffReminderRouter } from './reminder/reminder.staff.router.ts';
import { notificationRouter } from './notification/notification.router.ts';

export const appRouter = router({
  portal: portalRouter,
  session: sessionRouter,
  catalog: catalogRouter,
  address: addressRouter,
  order: orderRouter,
  account: accountRouter,
  profile: profileRouter,
  invoice: invoiceRouter,
  payment: paymentRouter,
  ticket: ticketRouter,
  file: fileRouter,
  help: helpRouter,
  chat: chatRouter,
  announcement: announcementRouter,
  notification: notificationRouter,
  staff: router({
    portal: staffPortalRouter,
    order: staffOrderRouter,
    account: staffAccountRouter,
    invoice: staffInvoiceRouter,
    payment: staffPaymentRouter,
    creditNote: staffCreditNoteRouter,
    ticket: staffTicketRouter,
    help: staffHelpRouter,
    chat: staffChatRouter,
    customer: staffCustomerRouter,
    report: staffReportRouter,
    settings: staffSettingsRouter,
    webhook: staffWebhookRouter,
    inbound: staffInboundRouter,
    announcement: staffAnnouncementRouter,
    reminder: staffReminderRouter,
  }),
});

export type AppRouter = typeof appRouter;

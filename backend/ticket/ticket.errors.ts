/** Why a ticket request was refused, in words a customer or agent can act on. */
export const TicketError = {
  NOT_FOUND: 'There is no such ticket in this account.',
  ORDER_NOT_FOUND: 'That order is not in this account.',
  UNKNOWN_CATEGORY: 'Choose one of the listed categories.',
  KIND_NOT_OFFERED: 'Choose one of the kinds of request offered in the form.',
  UPLOAD_NOT_FOUND:
    'One of the attached files is no longer available. Remove it and upload it again.',
  CLOSED: 'This ticket is closed. Reopen it to write to it.',
  MERGED: 'This ticket was merged into another one; write there instead.',
  NOT_CLOSABLE: 'This ticket is already closed.',
  NOT_REOPENABLE: 'Only a resolved or closed ticket can be reopened.',
  NOT_RESOLVED: 'You can rate the answer once the ticket is resolved.',
  ALREADY_RATED: 'This ticket has already been rated.',
  SAME_TICKET: 'A ticket cannot be merged into itself.',
  OTHER_ACCOUNT: 'Only tickets of the same customer account can be merged.',
  NOT_AN_AGENT: 'Tickets can only be assigned to staff.',
  UNTRUSTED_LINK: 'That page is not on one of the portal’s sites.',
  CANNED_NOT_FOUND: 'There is no such saved reply.',
  BAD_CURSOR: 'This page link is not valid any more. Start again from the first page.',
  CURSOR_OTHER_SORT:
    'This page link belongs to another sort order. Start again from the first page.',
  CANNED_TAKEN: 'A saved reply with this title exists already.',
  IDEMPOTENCY_KEY_REUSED:
    'A different message was already sent with this request key. Reload the page and send yours again.',
} as const;

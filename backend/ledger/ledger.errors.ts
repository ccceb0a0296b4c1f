/** What a person reads when a ledger request is refused; the keys travel as `data.reason`. */
export const LedgerError = {
  INVOICE_NOT_FOUND: 'We could not find that invoice.',
  PAYMENT_NOT_FOUND: 'We could not find that payment.',
  ACCOUNT_NOT_FOUND: 'We could not find that customer account.',
  ORDER_NOT_FOUND: 'We could not find that order.',
  ORDER_NOT_SHIPPED: 'An order is invoiced once it has shipped or been delivered.',
  ALREADY_INVOICED: 'This order already has an invoice.',
  ALREADY_VOID: 'This invoice is already void.',
  HAS_CREDIT_NOTES:
    'This invoice has credit notes against it. It cannot be voided; issue a further credit note instead.',
  CREDIT_EXCEEDS_INVOICE: 'A credit note against an invoice cannot be larger than the invoice.',
  INVOICE_VOID: 'This invoice is void.',
  IDEMPOTENCY_KEY_REUSED:
    'A different payment was already posted with this request key. Reload and post it again.',
  FUTURE_DATE: 'The date cannot be in the future.',
  BAD_RANGE: 'The start date must not be after the end date.',
  NO_BILLING_ADDRESS:
    'This account has no address to bill yet. Enter the billing address for this invoice.',
  INVOICE_NOT_OPEN: 'Only an invoice with money still due on it can take a payment.',
  ALLOCATION_EXCEEDS_DUE: 'A payment cannot put more on an invoice than is still due on it.',
  ALLOCATION_EXCEEDS_PAYMENT: 'The amounts for the invoices add up to more than the payment.',
} as const;

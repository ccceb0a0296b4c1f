/** Why an inbound message or key change was refused; the keys travel as `error.code`. */
export const InboundError = {
  UNAUTHORIZED:
    'Send a valid inbound API key as "Authorization: Bearer pk_…". Keys are made in the staff console.',
  MALFORMED_JSON: 'The body is not valid JSON.',
  VALIDATION_FAILED: 'Some fields are not valid.',
  PAYLOAD_TOO_LARGE: 'Messages are limited to 64 KB.',
  NOT_FOUND: 'There is no inbound API at this address.',
  ORDER_NOT_FOUND: 'There is no order with this number.',
  IDEMPOTENCY_KEY_REUSED:
    'A different message was already applied under this id. Send new content under a new id.',
  KEY_NOT_FOUND: 'There is no such inbound API key.',
} as const;

/** Why a webhook change was refused, in words an administrator can act on. */
export const WebhookError = {
  ENDPOINT_NOT_FOUND: 'There is no such webhook endpoint.',
  DELIVERY_NOT_FOUND: 'There is no such delivery.',
  TOO_MANY_ENDPOINTS: 'At most 20 webhook endpoints. Remove one you no longer use first.',
  ADDRESS_NOT_HTTPS:
    'The address must start with https:// (outside production, http://localhost is allowed for trying things out).',
  ADDRESS_INTERNAL:
    'Webhooks are not sent to this machine or to private or link-local network addresses.',
} as const;

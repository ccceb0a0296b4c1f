/** Why a webhook change was refused, in words an administrator can act on. */
export const WebhookError = {
  ENDPOINT_NOT_FOUND: 'There is no such webhook endpoint.',
  DELIVERY_NOT_FOUND: 'There is no such delivery.',
  TOO_MANY_ENDPOINTS: 'At most 20 webhook endpoints. Remove one you no longer use first.',
} as const;

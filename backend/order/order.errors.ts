/** What a customer reads when an order request is refused; the keys travel as `data.reason`. */
export const OrderError = {
  NOT_FOUND: 'We could not find that order.',
  UNAVAILABLE:
    'Some items in your cart are no longer sold. Remove them and review your order again.',
  OUT_OF_STOCK:
    'Sorry, some items sold out while you were ordering. Review your cart: we show what is still available.',
  PRICE_CHANGED:
    'Prices or shipping changed since you reviewed your order. Check the new total and submit again.',
  IDEMPOTENCY_KEY_REUSED:
    'This order was already submitted with different contents. Review your order and submit again.',
  ALREADY_SHIPPED:
    'This order has already shipped, so it can no longer be changed here. Open a ticket about the order and we will help.',
  ALREADY_CANCELLED: 'This order was cancelled, so it can no longer be changed.',
  SHIPPING_ZONE_CHANGED:
    'Shipping to that country costs a different amount, so the address cannot be changed on this order. Open a ticket about the order and we will help.',
  NOT_NEXT_STEP: 'The order cannot move to that status from where it is now.',
  TRACKING_NEEDS_SHIPMENT: 'A tracking number can be added once the order has shipped.',
} as const;

export type OrderErrorKey = keyof typeof OrderError;

/** Why one cart line cannot be fulfilled, as shown next to that line. */
export const LineProblem = {
  UNAVAILABLE: 'No longer sold.',
  OUT_OF_STOCK: 'Sold out.',
  NOT_ENOUGH_STOCK: 'Not enough in stock.',
} as const;

export type LineProblemKey = keyof typeof LineProblem;

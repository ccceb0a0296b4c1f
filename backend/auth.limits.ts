/** A budget per client address and path, as better-auth counts: `max` calls in `window` seconds. */
interface AuthRule {
  window: number;
  max: number;
}

const MINUTE = 60;

/**
 * better-auth's `rateLimit.customRules`: tighter budgets for the endpoints that guess passwords
 * or codes and for those that send mail. better-auth takes the first key that matches, so each
 * exact path comes before the wildcard it would also match. A refusal is a 429 whose
 * `X-Retry-After` header gives the seconds to wait.
 */
export const AUTH_RATE_LIMITS = {
  // Guessing: one code or password per try.
  '/sign-in/email-otp': { window: MINUTE, max: 5 },
  '/sign-in/*': { window: MINUTE, max: 10 },
  '/sign-up/*': { window: MINUTE, max: 5 },
  // Each sends a mail: a few per address, so nobody's inbox can be flooded from one place.
  '/request-password-reset': { window: 10 * MINUTE, max: 5 },
  '/forget-password*': { window: 10 * MINUTE, max: 5 },
  '/forget-password/*': { window: 10 * MINUTE, max: 5 },
  '/send-verification-email': { window: 10 * MINUTE, max: 5 },
  // A way to sign in, so a little more room than the rarer mails.
  '/email-otp/send-verification-otp': { window: 10 * MINUTE, max: 10 },
  '/email-otp/request-password-reset': { window: 10 * MINUTE, max: 5 },
  '/email-otp/request-email-change': { window: 10 * MINUTE, max: 5 },
  '/email-otp/*': { window: MINUTE, max: 10 },
  // Codes from an app, a mail or the backup list (only after the right password, and each
  // person's wrong codes are counted apart), and turning the second factor on or off.
  '/two-factor/*': { window: MINUTE, max: 20 },
} as const satisfies Record<string, AuthRule>;

import { expect } from '@open-wc/testing';
import { TRPCClientError } from '@trpc/client';
import { AuthError } from '../../elements/api/auth.ts';
import { errorMessage, retryAfterSeconds } from '../../elements/api/errors.ts';

/** A refusal as the tRPC client hands it to an element. */
function refused(code: string, reason: string | null, details: Record<string, unknown> | null) {
  const message = 'Too many attempts. Try again in 42 seconds.';
  return new TRPCClientError(message, {
    result: {
      error: {
        message,
        code: -32029,
        data: { code, httpStatus: 429, path: 'order.place', fieldErrors: null, reason, details },
      },
    },
  });
}

describe('errorMessage for calls over their budget', () => {
  it('says how many seconds to wait when a procedure was rate limited', () => {
    const error = refused('TOO_MANY_REQUESTS', 'RATE_LIMITED', { retryAfterSeconds: 42 });
    expect(retryAfterSeconds(error)).to.equal(42);
    expect(errorMessage(error)).to.equal('Too many attempts. Wait 42 seconds, then try again.');
  });

  it('keeps the server’s own sentence for other limits, and a general one without a reason', () => {
    const chats = refused('TOO_MANY_REQUESTS', 'TOO_MANY_CHATS', { retryAfterSeconds: 3600 });
    expect(retryAfterSeconds(chats)).to.equal(null);
    expect(errorMessage(chats)).to.equal(chats.message);
    const bare = refused('TOO_MANY_REQUESTS', null, null);
    expect(errorMessage(bare)).to.equal('Too many attempts. Wait a minute, then try again.');
  });

  it('says how many seconds to wait when sign-in was rate limited', () => {
    const error = new AuthError(429, 'TOO_MANY_REQUESTS', 'Too many requests.', 17);
    expect(errorMessage(error)).to.equal('Too many attempts. Wait 17 seconds, then try again.');
  });
});

import type { TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import type { AppRouter } from '../../backend/router.ts';

/**
 * Hands each query's or mutation's outcome to its caller in a task of its own. One batched
 * answer carries what every element on the page asked for; delivered together, every element
 * would render its data in one long task, and the page would not answer a tap until all were
 * done. Subscriptions pass straight through: their events already come one at a time.
 */
export function oneTaskEach(): TRPCLink<AppRouter> {
  return () =>
    ({ op, next }) => {
      if (op.type === 'subscription') return next(op);
      return observable((observer) => {
        const pending = new Set<ReturnType<typeof setTimeout>>();
        const later = (deliver: () => void) => {
          const timer = setTimeout(() => {
            pending.delete(timer);
            deliver();
          }, 0);
          pending.add(timer);
        };
        const subscription = next(op).subscribe({
          next: (value) => later(() => observer.next(value)),
          complete: () => later(() => observer.complete()),
          error: (error) => later(() => observer.error(error)),
        });
        return () => {
          for (const timer of pending) clearTimeout(timer);
          subscription.unsubscribe();
        };
      });
    };
}

import { tracked } from '@trpc/server';
import type { Context } from '../context.ts';
import type { SessionInfo } from '../session/session.cache.ts';
import { customerProcedure, router } from '../trpc.ts';
import { preferencesOf, setPreference } from './notification.kinds.ts';
import {
  latestNotification,
  listNotifications,
  markAllRead,
  markRead,
  unreadCount,
  type NotificationReader,
} from './notification.queries.ts';
import {
  listInput,
  markReadInput,
  noInput,
  onChangeInput,
  preferenceInput,
} from './notification.schema.ts';

type CustomerContext = Context & { session: SessionInfo; account: { accountId: string } };

const readerOf = (ctx: CustomerContext): NotificationReader => ({
  userId: ctx.session.userId,
  accountId: ctx.account.accountId,
});

/** Every open bell of the person (on all their devices) counts again. */
function tellDevices(ctx: CustomerContext) {
  ctx.services.bus.publishNotification({ userId: ctx.session.userId });
}

/** The session's person's notifications in the session's account, and their mail choices. */
export const notificationRouter = router({
  /** Newest first, with the number still unread. */
  list: customerProcedure.input(listInput).query(async ({ ctx, input }) => {
    const reader = readerOf(ctx);
    const [found, unread] = await Promise.all([
      listNotifications(ctx.services.db, reader, input),
      unreadCount(ctx.services.db, reader),
    ]);
    return { ...found, unread };
  }),

  unreadCount: customerProcedure.query(async ({ ctx }) => ({
    unread: await unreadCount(ctx.services.db, readerOf(ctx)),
  })),

  markRead: customerProcedure.input(markReadInput).mutation(async ({ ctx, input }) => {
    const reader = readerOf(ctx);
    await markRead(ctx.services.db, reader, input.ids);
    tellDevices(ctx);
    return { unread: await unreadCount(ctx.services.db, reader) };
  }),

  markAllRead: customerProcedure.input(noInput).mutation(async ({ ctx }) => {
    const reader = readerOf(ctx);
    await markAllRead(ctx.services.db, reader);
    tellDevices(ctx);
    return { unread: await unreadCount(ctx.services.db, reader) };
  }),

  /** Every kind, with whether it also comes by mail (the default where nothing was chosen). */
  preferences: customerProcedure.query(({ ctx }) =>
    preferencesOf(ctx.services.db, ctx.session.userId),
  ),

  setPreference: customerProcedure.input(preferenceInput).mutation(async ({ ctx, input }) => {
    await setPreference(ctx.services.db, ctx.session.userId, input.kind, input.mail);
    return preferencesOf(ctx.services.db, ctx.session.userId);
  }),

  /**
   * Server-sent events: a `sync` with the unread count and the newest notification first (and
   * after each reconnect), then a `change` whenever the person got one or marked some read.
   */
  onChange: customerProcedure.input(onChangeInput).subscription(async function* ({ ctx, signal }) {
    const { db, bus } = ctx.services;
    const reader = readerOf(ctx);
    let sequence = 0;
    const id = () => `${Date.now().toString(36)}-${(sequence++).toString(36)}`;
    const state = async () => ({
      unread: await unreadCount(db, reader),
      latest: await latestNotification(db, reader),
    });
    // Listen before the sync, so nothing that happens in between is missed.
    const signals = bus.notificationSignals(reader.userId, signal);
    yield tracked(id(), { type: 'sync' as const, ...(await state()) });
    for await (const told of signals) {
      if (told.userId !== reader.userId) continue;
      yield tracked(id(), { type: 'change' as const, ...(await state()) });
    }
  }),
});

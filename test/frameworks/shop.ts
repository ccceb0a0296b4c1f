/**
 * What the React and the Vue fixture shops pass to the elements at first and after a button
 * press, so the test knows what each element should show. Both shops render the same ids.
 */
export const FIRST = {
  query: 'invoice',
  pageSize: 3,
  position: 'end',
  withoutSignUp: false,
} as const;

export const NEXT = {
  query: 'track',
  pageSize: 5,
  position: 'start',
  withoutSignUp: true,
} as const;

/** The buttons each shop offers; the test presses them by id. */
export const BUTTONS = {
  nextQuery: 'next-query',
  biggerPage: 'bigger-page',
  chatStart: 'chat-start',
  hideSignUp: 'hide-sign-up',
  rerender: 'rerender',
  toggle: 'toggle',
} as const;

/** The header each shop slots into `<portico-login>` and `<portico-chat>`. */
export const headers = (framework: string) => ({
  login: `Welcome back to the ${framework} shop`,
  chat: `Talk to the ${framework} shop`,
});

/** What `portico-signed-in` carries, as the shops read it. */
export interface SignedInEvent extends Event {
  readonly user: { id: string; name: string; email: string };
}
